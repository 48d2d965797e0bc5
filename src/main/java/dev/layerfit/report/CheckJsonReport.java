package dev.layerfit.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.layerfit.check.Advice;
import dev.layerfit.check.CheckResult;
import dev.layerfit.check.DeploymentArtifact;
import dev.layerfit.inventory.DistributionCopy;
import dev.layerfit.inventory.DuplicateDistribution;
import dev.layerfit.lambda.LimitCheck;
import dev.layerfit.lambda.PredictedError;
import dev.layerfit.project.chalice.ResolvedSettings;

/** The JSON of {@code layerfit check} (keys per the CLI contract in ARCHITECTURE.md, exact bytes). */
public final class CheckJsonReport {

    private CheckJsonReport() {
    }

    public static ObjectNode of(CheckResult r) {
        ObjectNode root = Json.object();
        ResolvedSettings s = r.settings();
        root.put("fits", r.fits());
        root.put("totalUnzippedBytes", r.verdict().totalUnzippedBytes());
        root.put("projectedUnzippedBytes", r.projectedUnzippedBytes());
        root.put("app", s.appName());
        root.put("stage", s.stage());
        root.put("function", s.function());
        root.put("automaticLayer", s.automaticLayer());
        ArrayNode limits = root.putArray("limits");
        for (LimitCheck c : r.verdict().checks()) {
            ObjectNode l = limits.addObject();
            l.put("name", c.name());
            l.put("limitBytes", c.limitBytes());
            l.put("actualBytes", c.actualBytes());
            l.put("ok", c.ok());
            if (c.subject() != null) {
                l.put("subject", c.subject());
            }
        }
        ArrayNode errors = root.putArray("awsErrors");
        for (PredictedError e : r.verdict().predictedErrors()) {
            ObjectNode o = errors.addObject();
            o.put("id", e.error().id());
            o.put("exception", e.error().exceptionName());
            o.put("message", e.message());
            o.put("why", e.why());
        }
        ArrayNode artifacts = root.putArray("artifacts");
        for (DeploymentArtifact a : r.artifacts()) {
            ObjectNode o = artifacts.addObject();
            o.put("role", a.role().jsonName());
            o.put("ref", a.ref());
            o.put("name", a.name());
            o.put("source", a.source());
            o.put("unzippedBytes", a.unzippedBytes());
            o.put("zippedBytes", a.artifact().zippedBytes());
            o.put("entries", a.artifact().entryCount());
        }
        ArrayNode dups = root.putArray("duplicates");
        for (DuplicateDistribution d : r.duplicates().distributions()) {
            ObjectNode o = dups.addObject();
            o.put("distribution", d.distribution());
            ArrayNode in = o.putArray("artifacts");
            for (DistributionCopy c : d.copies()) {
                in.add(r.artifacts().get(c.artifactIndex()).ref());
            }
            ArrayNode versions = o.putArray("versions");
            d.versions().forEach(versions::add);
            o.put("usedFrom", r.artifacts().get(d.used().artifactIndex()).ref());
            o.put("wastedBytes", d.wastedBytes());
        }
        ObjectNode files = root.putObject("duplicateFiles");
        files.put("paths", r.duplicates().files().paths());
        files.put("redundantCopies", r.duplicates().files().redundantCopies());
        files.put("wastedBytes", r.duplicates().files().wastedBytes());
        ArrayNode advice = root.putArray("advice");
        for (Advice a : r.advice()) {
            ObjectNode o = advice.addObject();
            o.put("id", a.id());
            o.put("message", a.message());
            o.put("savesBytes", a.savesBytes());
            o.put("action", a.action());
        }
        ArrayNode notes = root.putArray("notes");
        r.notes().forEach(notes::add);
        return root;
    }
}
