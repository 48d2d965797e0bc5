package dev.layerfit.project.chalice;

import dev.layerfit.deployment.LayerArn;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every layer version ARN a config mentions, anywhere (top level, any stage, any {@code lambda_functions} entry): what
 * {@code layers prune} must never delete. The file is validated as a Chalice config first.
 */
public final class LayerReferences {

    private final Path file;
    private final List<LayerArn> arns;

    private LayerReferences(Path file, List<LayerArn> arns) {
        this.file = file;
        this.arns = List.copyOf(arns);
    }

    /** Reads {@code configFile}. */
    public static LayerReferences of(Path configFile) {
        String text;
        try {
            if (!Files.exists(configFile)) {
                throw new NoSuchFileException(configFile.toString());
            }
            text = new String(dev.layerfit.io.InputFiles.readBytes(configFile, dev.layerfit.io.InputFiles.TEXT_CAP,
                    "the config file"), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ChaliceConfigNotFoundException("no such config file: " + configFile
                    + "; give the path of .chalice/config.json to --config");
        } catch (IOException e) {
            throw new ConfigEditException("cannot read " + configFile + " (" + dev.layerfit.error.ExceptionWords.describe(e) + ")", e);
        }
        ChaliceConfig.parse(text, configFile);
        List<LayerArn> found = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(text)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.VALUE_STRING) {
                    LayerArn.parse(p.getText()).ifPresent(found::add);
                }
                if (p.getParsingContext().inRoot() && (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY)) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LayerReferences(configFile, found);
    }

    public Path file() {
        return file;
    }

    public List<LayerArn> arns() {
        return arns;
    }

    /** The versions of layer {@code name} referenced (any region or account: erring on the side of keeping). */
    public Set<Long> versionsOf(String name) {
        Set<Long> versions = new TreeSet<>();
        arns.stream().filter(a -> a.name().equals(name)).forEach(a -> versions.add(a.version()));
        return versions;
    }
}
