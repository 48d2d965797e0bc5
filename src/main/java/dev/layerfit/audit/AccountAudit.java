package dev.layerfit.audit;

import dev.layerfit.aws.DeployedFunction;
import dev.layerfit.aws.FunctionStore;
import dev.layerfit.check.CheckOptions;
import dev.layerfit.check.CheckResult;
import dev.layerfit.check.DeploymentArtifact;
import dev.layerfit.check.DeploymentCheck;
import dev.layerfit.check.DeploymentResult;
import dev.layerfit.check.FunctionResult;
import dev.layerfit.check.RemoteOpener;
import dev.layerfit.deployment.Deployment;
import dev.layerfit.error.LayerfitException;
import dev.layerfit.inventory.DistributionUsage;
import dev.layerfit.project.deployed.DeployedFunctions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * {@code layerfit audit}: lists every function of each region, then measures them all as one deployment per region
 * — each layer version once however many functions use it, at most {@code concurrency} reads at a time — and
 * returns one row per function, the fullest first.
 */
public final class AccountAudit {

    private final Function<String, FunctionStore> stores;
    private final RemoteOpener remote;
    private final ExecutorService executor;

    /**
     * @param stores   the function store of a region
     * @param remote   opens layer versions and function code by ARN (in the ARN's region)
     * @param executor bounded: how many artifacts are read at once
     */
    public AccountAudit(Function<String, FunctionStore> stores, RemoteOpener remote, ExecutorService executor) {
        this.stores = stores;
        this.remote = remote;
        this.executor = executor;
    }

    /** Audits {@code regions}; {@code opening} reports progress as in {@link CheckOptions#opening()}. */
    public AuditResult run(List<String> regions, IntFunction<Runnable> opening) {
        List<AuditRow> rows = new ArrayList<>();
        List<String> regionErrors = new ArrayList<>();
        int layerVersions = 0;
        for (String region : regions) {
            List<DeployedFunction> functions;
            try {
                functions = stores.apply(region).list();
            } catch (LayerfitException e) {
                regionErrors.add(region + ": " + e.getMessage());
                continue;
            }
            Deployment d = DeployedFunctions.toDeployment("functions in " + region, functions);
            layerVersions += (int) functions.stream().flatMap(f -> f.layers().stream()).distinct().count();
            DeploymentResult result = DeploymentCheck.run(d, new CheckOptions(remote, opening, executor));
            for (int i = 0; i < result.functions().size(); i++) {
                rows.add(row(region, functions.get(i), result.functions().get(i)));
            }
        }
        rows.sort(Comparator.comparingLong(AuditRow::unzippedBytes).reversed().thenComparing(AuditRow::function));
        return new AuditResult(rows, regionErrors, layerVersions);
    }

    private static AuditRow row(String region, DeployedFunction f, FunctionResult r) {
        if (!r.checked()) {
            return new AuditRow(region, f.name(), f.runtime(), f.packageType(), f.layers().size(), -1, 0, null, 0,
                    r.fits(), f.image() ? null : r.notChecked());
        }
        CheckResult c = r.result();
        DistributionUsage biggest = null;
        for (DeploymentArtifact a : c.artifacts()) {
            for (DistributionUsage d : a.inventory().distributions()) {
                if (!d.isPseudo() && (biggest == null || d.bytes() > biggest.bytes())) {
                    biggest = d;
                }
            }
        }
        return new AuditRow(region, f.name(), f.runtime(), f.packageType(), f.layers().size(),
                c.verdict().totalUnzippedBytes(), c.duplicates().wastedBytes(),
                biggest == null ? null : biggest.name(), biggest == null ? 0 : biggest.bytes(), c.fits(), null);
    }
}
