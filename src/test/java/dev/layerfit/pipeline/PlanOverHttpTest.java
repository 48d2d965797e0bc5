package dev.layerfit.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerfit.CliRun;
import dev.layerfit.LocalIndex;
import dev.layerfit.OwnCacheExtension;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plan} over HTTP (the local index served on loopback with Range support): the prediction equals the one
 * from the file index to the byte, and only the wheels' tails travel (a small share of their bytes).
 */
class PlanOverHttpTest {

    @RegisterExtension
    final OwnCacheExtension cache = new OwnCacheExtension();

    @TempDir
    Path tmp;

    private Process server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.destroy();
        }
    }

    @Test
    void onlyTheTailsOfTheWheelsAreFetched() throws Exception {
        LocalIndex index = LocalIndex.require();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "dev.layerfit.bench.StaticIndexServer"));
        index.roots().forEach(r -> command.add(r.getParent().toString()));
        server = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String base = lines.readLine();
        List<String> http = new ArrayList<>();
        List<String> file = new ArrayList<>();
        for (int i = 0; i < index.roots().size(); i++) {
            String flag = i == 0 ? "--index-url" : "--extra-index-url";
            http.addAll(List.of(flag, base + i + "/" + index.roots().get(i).getFileName() + "/"));
            file.addAll(List.of(flag, index.roots().get(i).toUri().toString()));
        }
        JsonNode overHttp = plan(http);
        OutputStream control = server.getOutputStream();
        control.write('\n');
        control.flush();
        long served = Long.parseLong(lines.readLine().trim());
        JsonNode local = plan(file);
        assertThat(overHttp.get("predictedUnzippedBytes").asLong()).isEqualTo(local.get("predictedUnzippedBytes").asLong());
        long wheelBytes = 0;
        for (JsonNode layer : local.get("layers")) {
            for (JsonNode p : layer.get("packages")) {
                String name = p.asText().substring(0, p.asText().indexOf("=="));
                String version = p.asText().substring(p.asText().indexOf("==") + 2);
                wheelBytes += index.wheels(name).stream().filter(w -> w.getFileName().toString().contains("-" + version + "-"))
                        .mapToLong(w -> w.toFile().length()).max().orElse(0);
            }
        }
        System.out.printf("plan over HTTP: %d bytes served (pages, metadata, tails) for wheels of %d bytes%n", served, wheelBytes);
        assertThat(wheelBytes).isPositive();
        assertThat(served).isLessThan(wheelBytes / 20);
    }

    private JsonNode plan(List<String> index) throws Exception {
        List<String> args = new ArrayList<>(List.of("plan", RealIndexBuildTest.REQUIREMENTS.toString(), "--python-version", "3.11",
                "--glibc", "2.34", "--slim", "none", "--json"));
        args.addAll(index);
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out());
    }
}
