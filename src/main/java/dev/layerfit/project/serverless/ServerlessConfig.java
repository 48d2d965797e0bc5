package dev.layerfit.project.serverless;

import com.fasterxml.jackson.databind.JsonNode;
import dev.layerfit.error.BadInputException;
import dev.layerfit.io.JsonFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A service's configuration file: {@code serverless.yml}, {@code serverless.yaml} or {@code serverless.json}
 * (the names serverless v3 looks for, in that order, besides the code-based {@code .js}/{@code .ts} ones, which
 * layerfit cannot evaluate).
 */
final class ServerlessConfig {

    static final List<String> DATA_FILES = List.of("serverless.yml", "serverless.yaml", "serverless.json");
    static final List<String> CODE_FILES = List.of("serverless.js", "serverless.ts", "serverless.cjs", "serverless.mjs");

    private final Path file;
    private final ConfigTree tree;

    private ServerlessConfig(Path file, ConfigTree tree) {
        this.file = file;
        this.tree = tree;
    }

    /** The first configuration file in {@code dir}, or empty when it has none (or only a code-based one). */
    static Optional<Path> find(Path dir) {
        return DATA_FILES.stream().map(dir::resolve).filter(Files::isRegularFile).findFirst();
    }

    static Optional<Path> findCode(Path dir) {
        return CODE_FILES.stream().map(dir::resolve).filter(Files::isRegularFile).findFirst();
    }

    static ServerlessConfig read(Path file) {
        ConfigTree tree;
        if (file.getFileName().toString().endsWith(".json")) {
            tree = ConfigTree.ofJson(JsonFile.readObject(file, "fix the file"));
        } else {
            try {
                tree = ConfigTree.parseYaml(file, dev.layerfit.io.InputFiles.readUtf8(file, "the serverless configuration"));
            } catch (IOException e) {
                throw new BadInputException("cannot read " + file + ": " + dev.layerfit.error.ExceptionWords.describe(e), e);
            }
        }
        return new ServerlessConfig(file, tree);
    }

    Path file() {
        return file;
    }

    JsonNode root() {
        return tree.root();
    }

    String serviceName() {
        JsonNode s = tree.root().path("service");
        return s.isTextual() ? s.asText() : s.path("name").asText("?");
    }

    /** The line that starts {@code functions.NAME}, or 0. */
    int functionLine(String function) {
        return tree.line("functions." + function);
    }

    int line(String path) {
        return tree.line(path);
    }
}
