package dev.layerfit.error;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.regex.Pattern;

/**
 * What a JDK exception means, in words a user reads: "no such file or folder: x" rather than
 * {@code NoSuchFileException: x}. The one place that knows JDK exception types; messages never name them.
 */
public final class ExceptionWords {

    /**
     * A Java exception class name with an optional ": " after it: a qualified name in a JDK or library package, or
     * the simple name of an exception type the JDK and libraries throw. (AWS error codes such as
     * {@code ResourceConflictException} are AWS's words, not Java's, and stay.)
     */
    private static final Pattern CLASS_NAME = Pattern.compile(
            "\\b(?:(?:java|javax|jdk|sun|com\\.fasterxml|software\\.amazon|picocli|org\\.[a-z]+|dev\\.layerfit)\\.[\\w.$]*"
            + "(?:Exception|Error)|(?:IO|UncheckedIO|NoSuchFile|FileSystem|AccessDenied|FileAlreadyExists|NotDirectory"
            + "|DirectoryNotEmpty|FileSystemLoop|Connect|NoRouteToHost|UnknownHost|SocketTimeout|HttpTimeout|Socket"
            + "|StreamConstraints|JsonParse|JsonProcessing|JsonMapping|MismatchedInput|IllegalArgument|IllegalState"
            + "|NumberFormat|NullPointer|ArrayIndexOutOfBounds|IndexOutOfBounds|StringIndexOutOfBounds|Arithmetic"
            + "|PatternSyntax|InvalidPath|CharacterCoding|MalformedInput|Zip|EOF|Interrupted|ClosedByInterrupt"
            + "|Execution|Completion|Runtime|UnsupportedOperation|ClassCast|DateTimeParse|SdkClient|Sdk|Uri|URISyntax"
            + "|MalformedURL|SSLHandshake|SSL|ReadOnlyFileSystem|Timeout)Exception|StackOverflowError|OutOfMemoryError"
            + "|InternalError)\\b(?::\\s*)?");

    private ExceptionWords() {
    }

    /** {@code t} described in words, with its message where that says more. */
    public static String describe(Throwable t) {
        Throwable x = t;
        while ((x instanceof java.io.UncheckedIOException || x instanceof java.util.concurrent.ExecutionException
                || x instanceof java.util.concurrent.CompletionException) && x.getCause() != null) {
            x = x.getCause();
        }
        String msg = x.getMessage() == null ? "" : x.getMessage();
        if (x instanceof FileSystemException fs) {
            String file = fs.getFile() == null ? "" : fs.getFile();
            String other = fs.getOtherFile() == null ? "" : " (and " + fs.getOtherFile() + ")";
            String what = fileProblem(fs);
            String reason = fs.getReason() != null && !(x instanceof NoSuchFileException) && !(x instanceof AccessDeniedException)
                    ? " (" + fs.getReason() + ")" : "";
            return what + (file.isEmpty() ? "" : ": " + file) + other + reason;
        }
        if (x instanceof UnknownHostException) {
            return "unknown host " + msg;
        }
        if (x instanceof ConnectException || x instanceof NoRouteToHostException) {
            return "could not connect" + (msg.isEmpty() ? "" : " (" + strip(msg) + ")");
        }
        if (x instanceof HttpTimeoutException || x instanceof SocketTimeoutException) {
            return "timed out" + (msg.isEmpty() ? "" : " (" + strip(msg) + ")");
        }
        if (x instanceof java.nio.charset.CharacterCodingException) {
            return "the file is not valid UTF-8 text";
        }
        if (x instanceof java.util.zip.ZipException) {
            return "not a valid zip" + (msg.isEmpty() ? "" : " (" + strip(msg) + ")");
        }
        if (x instanceof java.io.EOFException) {
            return "the data ended early" + (msg.isEmpty() ? "" : " (" + strip(msg) + ")");
        }
        if (x instanceof StackOverflowError) {
            return "the input is nested too deeply to process";
        }
        if (x instanceof OutOfMemoryError) {
            return "the input is too large for the memory available";
        }
        if (msg.isEmpty()) {
            return words(x.getClass().getSimpleName());
        }
        return strip(msg);
    }

    private static String fileProblem(FileSystemException fs) {
        if (fs instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (fs instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (fs instanceof FileAlreadyExistsException) {
            return "the file already exists";
        }
        if (fs instanceof NotDirectoryException) {
            return "not a folder";
        }
        if (fs instanceof DirectoryNotEmptyException) {
            return "the folder is not empty";
        }
        if (fs instanceof FileSystemLoopException) {
            return "a symbolic-link loop";
        }
        return "a file-system error";
    }

    /** {@code text} without Java class names in it ("java.io.IOException: x" becomes "x"). */
    public static String strip(String text) {
        if (text == null) {
            return null;
        }
        String s = CLASS_NAME.matcher(text).replaceAll("");
        return s.isBlank() ? "an unexpected failure" : s.strip();
    }

    /** "ReadOnlyFileSystemException" as "read only file system". */
    private static String words(String simpleName) {
        String base = simpleName.replaceAll("(Exception|Error)$", "");
        if (base.isEmpty()) {
            return "an unexpected failure";
        }
        return base.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether {@code text} names a Java exception class. */
    public static boolean namesJavaClass(String text) {
        return text != null && CLASS_NAME.matcher(text).find();
    }

}
