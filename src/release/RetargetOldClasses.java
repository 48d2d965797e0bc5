import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Release-build step, run by src/release/package.sh with the JDK (24+) that links the runtime, as a single-file
 * program: {@code java RetargetOldClasses.java IN.jar OUT.jar}.
 *
 * <p>Class files older than Java 6 (major version &lt; 50; picocli's are compiled for Java 5) carry no StackMapTable,
 * so HotSpot verifies them with the slow type-inferencing verifier on every start, and neither a class-data sharing
 * archive nor a JDK 25 AOT cache can hold them ("Pre JDK 6 class not supported by CDS"): about 170 picocli classes
 * are parsed and verified from the jar on every run. This rewrites each such class as version 52 (Java 8) with
 * stack maps computed by the JDK's ClassFile API (JEP 484); the bytecode itself is unchanged. A class the API cannot
 * rewrite (e.g. one using jsr/ret) is kept as it was. Every other entry is copied unchanged, in the same order.
 */
public final class RetargetOldClasses {

    private static final int JAVA_6 = 50;
    private static final int JAVA_8 = 52;

    public static void main(String[] args) throws IOException {
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), ".retarget", ".jar");
        int rewritten = 0;
        int kept = 0;
        try (URLClassLoader jarLoader = new URLClassLoader(new URL[] {in.toUri().toURL()}, null);
                ZipFile zip = new ZipFile(in.toFile());
                OutputStream file = Files.newOutputStream(tmp);
                ZipOutputStream zout = new ZipOutputStream(file)) {
            // stack maps need the common super class of two types: the JDK's, else the jar's own classes
            ClassHierarchyResolver resolver = ClassHierarchyResolver.defaultResolver()
                    .orElse(ClassHierarchyResolver.ofResourceParsing(jarLoader)).cached();
            ClassFile classFile = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(resolver),
                    ClassFile.StackMapsOption.GENERATE_STACK_MAPS);
            ClassTransform retarget = ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL)
                    .andThen((builder, element) -> {
                        if (element instanceof ClassFileVersion) {
                            builder.withVersion(JAVA_8, 0);
                        } else {
                            builder.with(element);
                        }
                    });
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                byte[] bytes;
                try (InputStream data = zip.getInputStream(entry)) {
                    bytes = data.readAllBytes();
                }
                if (isOldClass(entry, bytes)) {
                    try {
                        ClassModel model = classFile.parse(bytes);
                        bytes = classFile.transformClass(model, retarget);
                        rewritten++;
                    } catch (RuntimeException e) {
                        kept++;
                        System.err.println("release: kept " + entry.getName() + " as it was (" + e.getMessage() + ")");
                    }
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                zout.putNextEntry(copy);
                zout.write(bytes);
                zout.closeEntry();
            }
        }
        // a temporary file is private (0600): the jar keeps the permissions the input had, or an installed .deb
        // could be run only by root
        Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(in));
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
        System.err.println("release: rewrote " + rewritten + " pre-Java-6 classes with stack maps"
                + (kept > 0 ? ", kept " + kept + " as they were" : ""));
    }

    private static boolean isOldClass(ZipEntry entry, byte[] bytes) {
        if (!entry.getName().endsWith(".class") || entry.getName().startsWith("META-INF/") || bytes.length < 8) {
            return false;
        }
        int major = (bytes[6] & 0xff) << 8 | (bytes[7] & 0xff);
        return major < JAVA_6;
    }
}
