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
import dev.layerfit.check.DeploymentResult;
import dev.layerfit.check.FunctionResult;

/** The JSON of {@code layerfit check} (keys per the CLI contract in ARCHITECTURE.md, exact bytes). */
public final class CheckJsonReport {

    private CheckJsonReport() {
    }

    /**
     * The whole deployment: {@code fits}, {@code deployment}, a {@code functions} array (one object per function,
     * as {@link #of(CheckResult)}, or {@code {"name","checked":false,"notChecked"}}) and {@code notes}; when exactly
     * one function was checked its fields are also at the top level, as in layerfit 0.1.
     */
    public static ObjectNode of(DeploymentResult d) {
        ObjectNode root = Json.object();
        CheckResult single = d.single();
        if (single != null) {
            root.setAll(of(single));
        }
        root.put("fits", d.fits());
        LeftOutSection.Headline headline = CheckTextReport.headline(d);
        root.put("verdict", headline.word());
        root.put("headline", headline.text());
        root.put("deployment", d.deployment().description());
        root.put("deployTool", d.deployment().deployTool());
        ArrayNode functions = root.putArray("functions");
        for (FunctionResult f : d.functions()) {
            if (f.checked()) {
                functions.add(of(f.result()));
            } else {
                ObjectNode o = functions.addObject();
                o.put("name", f.function().name());
                o.put("checked", false);
                o.put("fits", f.fits());
                o.put("notChecked", f.notChecked());
                o.put("packageType", f.function().packageType().name());
            }
        }
        ArrayNode notes = root.putArray("deploymentNotes");
        d.deployment().notes().forEach(notes::add);
        ArrayNode leftOut = root.putArray("leftOut");
        for (var item : d.deployment().leftOut().items()) {
            leftOut.addObject().put("artifact", item.artifact()).put("distribution", item.distribution())
                    .put("version", item.version()).put("reason", item.reason()).put("missing", item.blocking());
        }
        if (!d.deployment().leftOut().items().isEmpty()) {
            root.put("leftOutHeading", d.deployment().leftOut().heading());
            root.put("leftOutFix", d.deployment().leftOut().fix());
            root.put("allowMissing", d.deployment().leftOut().allowed());
        }
        return root;
    }

    /** One checked function. */
    public static ObjectNode of(CheckResult r) {
        ObjectNode root = Json.object();
        root.put("name", r.functionName());
        root.put("checked", true);
        root.put("fits", r.fits());
        root.put("totalUnzippedBytes", r.verdict().totalUnzippedBytes());
        root.put("projectedUnzippedBytes", r.projectedUnzippedBytes());
        root.put("function", r.functionName());
        root.put("runtime", r.function().runtime());
        root.put("architecture", r.function().architecture().lambdaName());
        if (r.function().definedAt() != null) {
            root.put("definedAt", r.function().definedAt().describe());
        }
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
            o.put("shared", a.shared());
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
