package dev.layerfit.aws;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts ONE {@code moto_server} per test run on a free loopback port (or uses {@code LAYERFIT_MOTO_URL}), waits for
 * it, resets it before every test, and stops it when the run ends (a resource in the root store, plus a JVM shutdown
 * hook). Tests take a {@link MotoServer} parameter. When {@code moto_server} is not on PATH, each test is skipped
 * (in its before-each step, so that the report shows the message) with a message saying so.
 */
public final class MotoServerExtension implements BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(MotoServerExtension.class);

    /** The moto process, closed by JUnit at the end of the run. */
    static final class Running implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        final MotoServer server;
        final Process process;

        Running(MotoServer server, Process process) {
            this.server = server;
            this.process = process;
        }

        @Override
        public synchronized void close() {
            if (process != null && process.isAlive()) {
                process.destroy();
                try {
                    if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    process.destroyForcibly();
                }
            }
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        running(context).server.reset();
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        return p.getParameter().getType() == MotoServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        return running(e).server;
    }

    private static Running running(ExtensionContext context) {
        String url = System.getenv("LAYERFIT_MOTO_URL");
        boolean onPath = url != null && !url.isBlank() || findOnPath("moto_server") != null;
        assumeTrue(onPath, "SKIPPED: moto_server is not on PATH (pip install 'moto[server]') and LAYERFIT_MOTO_URL is not "
                + "set; these tests need a local moto server for the AWS API");
        return context.getRoot().getStore(NS).getOrComputeIfAbsent("moto", k -> start(url), Running.class);
    }

    private static Running start(String url) {
        if (url != null && !url.isBlank()) {
            MotoServer server = new MotoServer(URI.create(url));
            assumeTrue(server.answers(), "SKIPPED: LAYERFIT_MOTO_URL=" + url + " does not answer");
            return new Running(server, null);
        }
        try {
            int port;
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = s.getLocalPort();
            }
            Path log = Files.createTempFile("layerfit-moto-", ".log");
            Process process = new ProcessBuilder(findOnPath("moto_server").toString(), "-H", "127.0.0.1", "-p",
                    Integer.toString(port)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Running running = new Running(new MotoServer(URI.create("http://127.0.0.1:" + port)), process);
            Runtime.getRuntime().addShutdownHook(new Thread(running::close, "stop-moto"));
            for (int i = 0; i < 600 && !running.server.answers(); i++) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("moto_server exited with " + process.exitValue() + "; see " + log);
                }
                Thread.sleep(100);
            }
            if (!running.server.answers()) {
                running.close();
                throw new IllegalStateException("moto_server did not answer on port " + port + " within 60 s; see " + log);
            }
            return running;
        } catch (IOException e) {
            throw new IllegalStateException("could not start moto_server: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path findOnPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
