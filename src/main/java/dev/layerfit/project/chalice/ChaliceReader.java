package dev.layerfit.project.chalice;

import dev.layerfit.artifact.LocalArtifacts;
import dev.layerfit.deployment.Artifact;
import dev.layerfit.deployment.ArtifactSource;
import dev.layerfit.deployment.Deployment;
import dev.layerfit.deployment.DeploymentReader;
import dev.layerfit.deployment.LambdaFunction;
import dev.layerfit.deployment.LayerArn;
import dev.layerfit.deployment.PackageType;
import dev.layerfit.deployment.ReadOptions;
import dev.layerfit.deployment.SourceLocation;
import dev.layerfit.lambda.Architecture;
import dev.layerfit.lambda.ArtifactRole;
import dev.layerfit.lambda.PythonTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import dev.layerfit.deployment.LeftOut;

/**
 * Reads a Chalice project ({@code .chalice/config.json} and {@code app.py}) into the deployment model, as
 * {@code chalice deploy} / {@code chalice package} would deploy it: every function app.py defines
 * ({@link ChaliceAppScanner}, Chalice's names), each with Chalice's managed layer first when the stage's
 * {@code automatic_layer} is on, then its manual layers, then the function zip — all built the way Chalice's
 * packagers build them ({@link ChalicePackager}, {@link ChaliceDependencyBuilder}) for the runtime Chalice picks
 * ({@link ChalicePython}) from the deploying machine ({@link DeployingMachine}). See docs/chalice.md.
 */
public final class ChaliceReader implements DeploymentReader {

    static final String CONFIG = ".chalice/config.json";

    private final Supplier<Optional<DeployingMachine>> detector;
    private final ChaliceDependencyBuilder.SdistBuilder sdists;

    /** A reader that asks the python3 on PATH what the deploying machine is, and builds pure-Python sdists as Chalice would. */
    public ChaliceReader() {
        this(DeployingMachine::detect, new ChaliceSdistBuilds());
    }

    /**
     * @param detector finds the deploying machine when no flag describes it
     * @param sdists   builds sdists Chalice would build (the seam for pure-Python sdist building)
     */
    public ChaliceReader(Supplier<Optional<DeployingMachine>> detector, ChaliceDependencyBuilder.SdistBuilder sdists) {
        this.detector = detector;
        this.sdists = sdists;
    }

    @Override
    public String kind() {
        return "chalice";
    }

    @Override
    public List<String> markers(Path dir) {
        return Files.isRegularFile(dir.resolve(CONFIG)) ? List.of(CONFIG) : List.of();
    }

    @Override
    public Deployment read(Path projectDir, ReadOptions options) {
        ChaliceConfig config = ChaliceConfig.load(projectDir);
        ResolvedSettings stageWide = config.resolve(options.stage(), null);
        String stage = stageWide.stage();
        boolean inline = !"package".equals(options.deployCommand()); // chalice deploy sends zips inline; package uses S3
        List<String> notes = new ArrayList<>();
        DeployingMachine machine = machine(options, notes);
        ChalicePython python = ChalicePython.choose(options.target() == null ? null : options.target().runtime(), machine);
        notes.add("runtime " + python.runtime().name() + ": " + python.why());
        Architecture arch = options.target() != null ? options.target().arch() : Architecture.X86_64;
        LeftOut leftOut = new LeftOut();
        leftOut.describe("Chalice will leave out", "pin a version that has a wheel Chalice accepts for " + python.runtime().name()
                + " (see each reason), or build the dependencies for the runtime with `layerfit build requirements.txt --runtime "
                + python.runtime().name() + "` and attach that layer in place of automatic_layer; --allow-missing accepts the gap");
        ChaliceBuild build = new ChaliceBuild(projectDir, machine, python.runtime(), options.index(), options.toolVersion(), sdists,
                leftOut);
        boolean automatic = stageWide.automaticLayer(); // Chalice reads automatic_layer per stage, not per function
        ArtifactSource.Built managedLayer = new ArtifactSource.Built("requirements.txt + vendor/ (LayerDeploymentPackager)",
                n -> build.build(ChalicePackager.Kind.MANAGED_LAYER, n));
        ArtifactSource managedForStage = wrap(managedLayer, stageWide);
        String codeDescription = automatic ? "app.py, chalicelib/, Chalice runtime"
                : "requirements, vendor/, app.py, chalicelib/, Chalice runtime";
        ArtifactSource.Built functionZip = new ArtifactSource.Built(codeDescription, automatic
                ? n -> build.build(ChalicePackager.Kind.APP_ONLY, n) : n -> build.build(ChalicePackager.Kind.FUNCTION, n));
        notes.addAll(stageWide.notes());
        List<ChaliceFunction> found = functions(projectDir, config, notes);
        List<LambdaFunction> functions = new ArrayList<>();
        for (ChaliceFunction fn : found) {
            String name = fn.resourceName();
            boolean configured = ChaliceConfig.API_HANDLER.equals(name) || config.functionNames().contains(name);
            ResolvedSettings s = config.resolve(stage, configured ? name : null);
            List<Artifact> layers = new ArrayList<>();
            if (s.automaticLayer()) {
                layers.add(new Artifact(ArtifactRole.MANAGED_LAYER, s.managedLayerName(), "managed layer",
                        managedForStage, inline, control(s), location(config, s.automaticLayerOrigin())));
            }
            for (String arn : s.layers()) {
                String shortName = LayerArn.parse(arn).map(LayerArn::shortName).orElse(arn);
                layers.add(new Artifact(ArtifactRole.LAYER, arn, shortName, new ArtifactSource.Remote(arn), false, null,
                        location(config, s.layersOrigin())));
            }
            Artifact code = new Artifact(ArtifactRole.FUNCTION, "function", "function (" + codeDescription + ")", functionZip, inline,
                    null, SourceLocation.of(config.file(), 0));
            List<String> fnNotes = new ArrayList<>();
            fnNotes.add("deployed as " + fn.lambdaName(config.appName(), stage) + (fn.definedAt() == null ? ""
                    : " (" + fn.kind() + " at " + fn.definedAt().describe() + ")"));
            functions.add(new LambdaFunction(name, python.runtime().isCustom() ? null : python.runtime().name(), arch,
                    PackageType.ZIP, layers, code, SourceLocation.of(config.file(), 0), fnNotes));
        }
        return new Deployment("Chalice app " + config.appName() + ", stage " + stage, "chalice " + (inline ? "deploy" : "package"),
                functions, notes, leftOut);
    }

    /**
     * The functions app.py defines (see {@link ChaliceAppScanner}); when it cannot be read, or shows no handler, the
     * stage-wide view: the API handler and each {@code lambda_functions} entry, with a note.
     */
    private static List<ChaliceFunction> functions(Path projectDir, ChaliceConfig config, List<String> notes) {
        ChaliceAppScanner.Result scan = ChaliceAppScanner.scan(projectDir);
        if (scan.readable() && !scan.functions().isEmpty()) {
            Set<String> names = new LinkedHashSet<>();
            scan.functions().forEach(f -> names.add(f.resourceName()));
            for (String configured : config.functionNames()) {
                if (!names.contains(configured)) {
                    notes.add("lambda_functions." + configured + " in " + config.file() + " names no function app.py defines;"
                            + " Chalice ignores it");
                }
            }
            return scan.functions();
        }
        notes.add(scan.readable() ? "app.py defines no Chalice handler layerfit can see; checked the stage-wide view (the API"
                + " handler and each lambda_functions entry)" : scan.problem() + ": layerfit cannot read the functions it defines, so"
                + " it checked the stage-wide view (the API handler and each lambda_functions entry)");
        List<ChaliceFunction> out = new ArrayList<>();
        out.add(new ChaliceFunction(ChaliceConfig.API_HANDLER, "route", null));
        for (String name : config.functionNames()) {
            if (!ChaliceConfig.API_HANDLER.equals(name)) {
                out.add(new ChaliceFunction(name, "lambda_functions", null));
            }
        }
        return out;
    }

    /** The deploying machine: flags, else the python3 on PATH, else one with the runtime's own Python and glibc. */
    private DeployingMachine machine(ReadOptions options, List<String> notes) {
        Optional<DeployingMachine> given = DeployingMachine.fromFlags(flag(options, "deploy-machine"), flag(options, "deploy-python"),
                flag(options, "deploy-glibc"), flag(options, "deploy-arch"));
        PythonTarget target = options.target();
        if (given.isPresent()) {
            DeployingMachine m = given.get();
            if (target != null && !target.runtime().pythonVersion().equals(m.pythonVersion())) {
                notes.add("--runtime " + target.runtime().name() + " differs from the deploying machine's Python "
                        + m.pythonVersion() + "; Chalice deploys the runtime of the Python it runs on");
            }
            return m;
        }
        Optional<DeployingMachine> detected = detector.get();
        if (detected.isPresent()) {
            DeployingMachine m = detected.get();
            if (target == null || target.runtime().pythonVersion().equals(m.pythonVersion())) {
                return m;
            }
            return new DeployingMachine(target.runtime().pythonVersion(), m.glibc(), m.machine(), null, List.of(),
                    "a machine like this one (" + m.description() + ") running Python " + target.runtime().pythonVersion()
                            + " as --runtime says");
        }
        String py = target != null ? target.runtime().pythonVersion() : ChalicePython.FALLBACK.substring("python".length());
        String glibc = target != null ? target.runtime().glibcVersion() : "2.34";
        return new DeployingMachine(py, glibc, "x86_64", null, List.of(), "an assumed Linux x86_64 machine with Python " + py
                + " and glibc " + glibc + " (no python3 on PATH; pass --deploy-machine or --deploy-python/--deploy-glibc for your CI)");
    }

    private static String flag(ReadOptions options, String name) {
        List<String> v = options.extra().get(name);
        return v == null || v.isEmpty() ? null : v.get(v.size() - 1);
    }

    /** The managed layer's build, with the messages saying which stage and setting it comes from. */
    private static ArtifactSource wrap(ArtifactSource.Built managed, ResolvedSettings s) {
        return new ArtifactSource.Built(managed.description(), notes -> {
            try {
                return managed.builder().build(notes);
            } catch (ManagedLayerUnavailableException e) {
                throw new ManagedLayerUnavailableException(e.kind(), "automatic_layer is on for stage " + s.stage()
                        + origin(s) + ", so Chalice adds its managed layer " + s.managedLayerName() + "; "
                        + e.getMessage(), e);
            }
        });
    }

    private static String control(ResolvedSettings s) {
        var o = s.automaticLayerOrigin();
        String origin = o.isDefault() ? "" : " (it is now true " + (o.scope().isEmpty() ? "at the top level"
                : "in " + o.scope()) + ", line " + o.line() + ")";
        return "in .chalice/config.json set \"automatic_layer\": false in stages." + s.stage() + origin
                + ", and keep in requirements.txt only what your layers lack: with automatic_layer off, Chalice "
                + "bundles requirements.txt into the function zip instead";
    }

    private static String origin(ResolvedSettings s) {
        return s.automaticLayerOrigin().isDefault() ? "" : " (" + s.automaticLayerOrigin().describe() + ")";
    }

    private static SourceLocation location(ChaliceConfig config, SettingOrigin origin) {
        return new SourceLocation(config.file(), origin.isDefault() ? 0 : origin.line(),
                origin.isDefault() ? 0 : origin.column());
    }
}
