package dev.layerfit.aws;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** An in-memory {@link LayerStore} holding given versions, counting GetLayerVersion calls. */
final class StubLayerStore implements LayerStore {

    final List<LayerVersion> versions = new ArrayList<>();
    int gets;

    /** Adds a version of {@code zip} with a Location that moto-like is not downloadable. */
    LayerVersion add(String name, long version, Path zip) throws IOException {
        byte[] bytes = Files.readAllBytes(zip);
        String sha;
        try {
            sha = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        LayerVersion v = new LayerVersion("arn:aws:lambda:us-east-1:123456789012:layer:" + name + ":" + version, name,
                version, "", "2026-11-26T00:00:00.000+0000", List.of("python3.11"), List.of("x86_64"), sha, bytes.length,
                "s3://");
        versions.add(v);
        return v;
    }

    @Override
    public LayerVersion publish(String name, String description, List<String> runtimes, List<String> architectures,
            LayerContent content) {
        throw new UnsupportedOperationException();
    }

    @Override
    public LayerVersion getLayerVersionByArn(String arn) {
        gets++;
        return versions.stream().filter(v -> v.layerVersionArn().equals(arn)).findFirst()
                .orElseThrow(() -> new LayerNotFoundException(arn + " does not exist", null));
    }

    @Override
    public List<LayerVersion> listVersions(String name) {
        return versions.stream().filter(v -> v.layerName().equals(name)).toList();
    }

    @Override
    public List<LayerVersion> listLayers() {
        return List.copyOf(versions);
    }

    @Override
    public void deleteVersion(String name, long version) {
        versions.removeIf(v -> v.layerName().equals(name) && v.version() == version);
    }
}
