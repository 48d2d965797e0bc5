package dev.layerfit.python.install;

import dev.layerfit.archive.ZipIndex;
import dev.layerfit.error.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Installs wheels into a layer folder (binary distribution format spec, "Installing a wheel"; the placement
 * rules are in {@link WheelPlan}). Every wheel is planned and checked before anything is written: unsafe paths
 * and symlinks, files missing from RECORD, and two wheels writing one path with different contents (RECORD hash
 * and size) are refused. A path two wheels ship with identical contents is written once, with a note. Each file
 * is then verified against its RECORD hash and size while it is extracted. Work happens in a temporary folder
 * next to the output, moved into place at the end; on any failure it is removed, so nothing partial is left.
 * Wheels are extracted in parallel, one task per wheel. Like {@code pip --no-compile}, nothing is byte-compiled.
 */
public final class WheelInstaller {

    private WheelInstaller() {
    }

    /**
     * Installs {@code wheels} under {@code layerRoot}/{@code layout.sitePrefix()}.
     *
     * @param layerRoot the folder to create (it must not exist, or be empty); zip it to get the layer
     * @throws BadWheelException       a wheel is malformed, unsafe, or fails its RECORD check
     * @throws WheelConflictException  two wheels write one path with different contents
     * @throws BadInputException       {@code layerRoot} already has files in it
     */
    public static InstallResult install(List<Path> wheels, Path layerRoot, LayerLayout layout) throws IOException {
        Path root = layerRoot.toAbsolutePath().normalize();
        if (Files.exists(root) && !isEmptyDirectory(root)) {
            throw new BadInputException(layerRoot + " already exists and is not an empty folder; remove it or choose another output folder");
        }
        List<WheelPlan> plans = new ArrayList<>();
        for (Path wheel : wheels) {
            try (ZipIndex index = ZipIndex.open(wheel)) {
                plans.add(WheelPlan.of(index, wheel.getFileName().toString()));
            }
        }
        List<String> notes = new ArrayList<>();
        plans.forEach(p -> notes.addAll(p.notes));
        List<Set<String>> skip = sharedPaths(plans, notes);

        Files.createDirectories(root.getParent());
        Path tmp = Files.createTempDirectory(root.getParent(), "." + root.getFileName() + ".tmp-");
        boolean done = false;
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(plans.size(), Runtime.getRuntime().availableProcessors())));
        try {
            Path site = tmp.resolve(layout.sitePrefix());
            Files.createDirectories(site);
            List<Future<InstalledWheel>> futures = new ArrayList<>();
            for (int i = 0; i < plans.size(); i++) {
                WheelPlan plan = plans.get(i);
                Path wheel = wheels.get(i);
                Set<String> skipped = skip.get(i);
                futures.add(pool.submit(() -> extract(wheel, plan, site, skipped)));
            }
            List<InstalledWheel> installed = new ArrayList<>();
            for (Future<InstalledWheel> f : futures) {
                installed.add(await(f));
            }
            if (Files.exists(root)) {
                Files.delete(root);
            }
            Files.move(tmp, root, StandardCopyOption.ATOMIC_MOVE);
            done = true;
            return new InstallResult(root, root.resolve(layout.sitePrefix()), List.copyOf(installed), List.copyOf(notes));
        } finally {
            dev.layerfit.io.PoolShutdown.stopAndWait(pool);
            if (!done) {
                deleteTree(tmp);
            }
        }
    }

    /** Per wheel, the site paths an earlier wheel already writes with the same contents; differing contents throw. */
    private static List<Set<String>> sharedPaths(List<WheelPlan> plans, List<String> notes) {
        Map<String, String> contentByPath = new HashMap<>();
        Map<String, String> ownerByPath = new HashMap<>();
        List<Set<String>> skip = new ArrayList<>();
        for (WheelPlan plan : plans) {
            Set<String> mine = new HashSet<>();
            Map<String, String> contents = new HashMap<>();
            for (WheelPlan.PlacedFile f : plan.files) {
                contents.put(f.sitePath(), f.expected() == null ? "unverified " + plan.label + " " + f.entryName()
                        : f.expected().hash() + "," + f.size());
            }
            contents.put(plan.distInfo + "/RECORD", "record " + java.util.Arrays.hashCode(plan.record) + "," + plan.record.length);
            contents.put(plan.distInfo + "/INSTALLER", "installer");
            contents.forEach((path, content) -> {
                String earlier = contentByPath.putIfAbsent(path, content);
                if (earlier == null) {
                    ownerByPath.put(path, plan.label);
                } else if (earlier.equals(content)) {
                    mine.add(path);
                    notes.add(plan.label + " and " + ownerByPath.get(path) + " both install " + path + " with the same contents; written once");
                } else {
                    throw new WheelConflictException(plan.label + " and " + ownerByPath.get(path) + " both install " + path
                            + " with different contents; install only one of them in this layer");
                }
            });
            skip.add(mine);
        }
        return skip;
    }

    private static InstalledWheel extract(Path wheel, WheelPlan plan, Path site, Set<String> skipped) throws IOException {
        int count = 0;
        long bytes = 0;
        try (ZipFile zip = new ZipFile(wheel.toFile())) {
            for (WheelPlan.PlacedFile f : plan.files) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new java.io.InterruptedIOException("interrupted while installing " + plan.label);
                }
                if (skipped.contains(f.sitePath())) {
                    continue;
                }
                ZipEntry entry = zip.getEntry(f.entryName());
                if (entry == null) {
                    throw new BadWheelException(plan.label + ": cannot find " + f.entryName() + " in the zip; download the wheel again");
                }
                Path target = site.resolve(f.sitePath());
                Files.createDirectories(target.getParent());
                MessageDigest digest = f.expected() == null ? null : WheelPlan.digestFor(f.expected());
                long size;
                try (InputStream raw = zip.getInputStream(entry);
                     InputStream in = digest == null ? raw : new DigestInputStream(raw, digest);
                     OutputStream out = Files.newOutputStream(target)) {
                    size = in.transferTo(out);
                }
                if (size != f.size() || digest != null && !WheelPlan.matches(f.expected(), digest.digest())) {
                    throw new BadWheelException(plan.label + ": " + f.entryName() + " does not match the hash and size its RECORD gives"
                            + " (" + f.size() + " bytes expected, " + size + " read); the wheel is damaged or tampered with, download it again");
                }
                if (f.executable()) {
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
                count++;
                bytes += size;
            }
        }
        if (!skipped.contains(plan.distInfo + "/RECORD")) {
            Path distInfo = Files.createDirectories(site.resolve(plan.distInfo));
            Files.write(distInfo.resolve("RECORD"), plan.record);
            Files.write(distInfo.resolve("INSTALLER"), WheelPlan.INSTALLER);
            count += 2;
            bytes += plan.record.length + WheelPlan.INSTALLER.length;
        }
        return new InstalledWheel(wheel, plan.distInfo, count, bytes);
    }

    private static InstalledWheel await(Future<InstalledWheel> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while installing wheels");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(cause);
        }
    }

    private static boolean isEmptyDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return !s.iterator().hasNext();
        }
    }

    private static void deleteTree(Path dir) {
        try {
            dev.layerfit.io.TempFiles.deleteTree(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove the temporary folder " + dir + "; delete it by hand", e);
        }
    }
}
