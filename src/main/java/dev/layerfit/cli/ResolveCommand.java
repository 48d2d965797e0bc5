package dev.layerfit.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.layerfit.lambda.PythonTarget;
import dev.layerfit.lock.Lock;
import dev.layerfit.lock.LockFileWriter;
import dev.layerfit.lock.LockRequest;
import dev.layerfit.lock.LockedPackage;
import dev.layerfit.lock.Locker;
import dev.layerfit.lock.PylockWriter;
import dev.layerfit.python.resolve.PinnedPackage;
import dev.layerfit.report.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code layerfit resolve}: pins Python requirements for a Lambda runtime, as pip would pick them, into a hashed lock.
 * Its model is built in code, not read from annotations (see {@link OptionSpecs}): its start-up is benchmarked
 * against pip's whole run.
 */
public final class ResolveCommand implements Callable<Integer>, HasOptionGroups {

    final RequirementsArguments requirements = new RequirementsArguments();
    final TargetOptions targetOptions = new TargetOptions();
    final IndexFlags index = new IndexFlags();
    Path output;
    int metadataThreads = Locker.DEFAULT_THREADS;
    final CommonOptions common = new CommonOptions();
    private CommandSpec spec;

    private ResolveCommand() {
    }

    /** The command's picocli model, bound to a new command object. */
    static CommandSpec model() {
        ResolveCommand command = new ResolveCommand();
        CommandSpec spec = OptionSpecs.command(command, "resolve",
                "Resolve requirements for an exact Lambda runtime; write a hashed lock.",
                new String[] {"Resolves Python requirements for a Lambda runtime: the versions pip would install there (wheels only,",
                    "tags and Requires-Python of the target), printed and optionally written as a pip lock file with the",
                    "sha256 of every wheel of each pinned version the target can install.",
                    "",
                    "REQUIREMENTS are pip requirements files (as pip's -r), pyproject.toml ([project] dependencies, --extra,",
                    "--group), requirement specifiers, - for standard input, or a lock taken as it is (uv.lock, poetry.lock,",
                    "Pipfile.lock, pylock.toml). -o NAME.toml writes a PEP 751 pylock.toml, any other name a pip lock.",
                    "Index options come from pip's and uv's configuration, then the files, then these flags (the flags win)."},
                "", "Examples:",
                "  layerfit resolve examples/inputs/requirements.txt --runtime python3.12 -o requirements.lock",
                "  layerfit resolve examples/inputs/base.txt examples/inputs/web.txt --python-version 3.11 --glibc 2.34 --json",
                "  layerfit resolve \"requests>=2.31\" -r examples/inputs/base.txt --runtime python3.11 -o pylock.toml",
                "  layerfit resolve examples/inputs/pyproject.toml --extra s3 --group prod --runtime python3.12",
                "  layerfit resolve examples/inputs/uv.lock --runtime python3.12 --arch arm64 -o pylock.toml",
                "  pip install --require-hashes --no-deps --only-binary=:all: -r requirements.lock");
        command.spec = spec;
        spec.usageMessage()
                .exitCodeList(java.util.Map.of( // in the standard order (CommandTree)
                        "0", "resolved",
                        "1", "the requirements cannot all be met on the target (the reason is printed)",
                        "2", "bad input (missing file, unknown project, hash mismatch, ...)",
                        "3", "an index could not be reached"));
        spec.addOption(OptionSpecs.value(Path.class, "LOCK", "Write the lock file here (atomically).", v -> command.output = v,
                "-o", "--output"));
        spec.addOption(OptionSpecs.integer(command.metadataThreads, "N", "Background metadata fetchers (0: fetch on demand only).",
                v -> command.metadataThreads = v, "--metadata-threads").hidden(true).build());
        return spec;
    }

    @Override
    public Integer call() throws IOException {
        PythonTarget target = targetOptions.target();
        Lock lock = Locker.fromEnvironment(metadataThreads).lock(new LockRequest(requirements.input(), target, index.indexUrl,
                index.extraIndexUrls, index.findLinks, index.noIndex, index.pre));
        if (output != null) {
            String text = PylockWriter.isPylockName(output) ? PylockWriter.render(lock, commandLine())
                    : LockFileWriter.render(lock, commandLine());
            LockFileWriter.write(output, text);
        }
        lock.warnings().forEach(w -> spec.commandLine().getErr().println("layerfit: warning: " + w));
        if (output != null) {
            lock.lockFileNotes().forEach(n -> spec.commandLine().getErr().println("layerfit: note: " + n));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(common.json() ? Json.write(json(lock)) + "\n" : text(lock));
        out.flush();
        if (common.debug()) {
            spec.commandLine().getErr().println("layerfit: transfers: " + lock.stats());
        }
        return ExitCodes.OK;
    }

    /** The command as the lock's header shows it: files and target as given, no index URLs (they may hold secrets). */
    private String commandLine() {
        StringBuilder sb = new StringBuilder("layerfit resolve");
        sb.append(' ').append(requirements.describe());
        sb.append(' ').append(targetOptions.describeFlags());
        if (index.pre) {
            sb.append(" --pre");
        }
        return sb.append(" -o ").append(output.getFileName()).toString();
    }

    private String text(Lock lock) {
        StringBuilder sb = new StringBuilder();
        sb.append("Resolved ").append(lock.packages().size()).append(lock.packages().size() == 1 ? " package" : " packages")
                .append(" for ").append(lock.target().describe()).append(":\n");
        int width = lock.packages().stream().mapToInt(p -> p.pin().name().length() + 2 + p.pin().version().toString().length())
                .max().orElse(0);
        for (LockedPackage p : lock.packages()) {
            String pin = p.pin().name() + "==" + p.pin().version();
            sb.append("  ").append(pin).append(" ".repeat(width - pin.length() + 2)).append(p.pin().filename()).append('\n');
        }
        if (output != null) {
            sb.append("Wrote ").append(output).append('\n');
        }
        return sb.toString();
    }

    private ObjectNode json(Lock lock) {
        ObjectNode root = Json.object();
        ObjectNode target = root.putObject("target");
        PythonTarget t = lock.target();
        target.put("runtime", t.runtime().name());
        target.put("python", t.runtime().pythonVersion());
        target.put("pythonFullVersion", t.runtime().pythonFullVersion());
        target.put("glibc", t.runtime().glibcVersion());
        target.put("arch", t.arch().lambdaName());
        target.put("tags", lock.resolveTarget().tags().tags().size());
        ArrayNode packages = root.putArray("packages");
        for (LockedPackage p : lock.packages()) {
            PinnedPackage pin = p.pin();
            ObjectNode node = packages.addObject();
            node.put("name", pin.name());
            node.put("version", pin.version().toString());
            node.put("filename", pin.filename());
            node.put("url", dev.layerfit.text.Redaction.redact(pin.url()));
            node.put("sha256", pin.sha256());
            ArrayNode hashes = node.putArray("hashes");
            p.hashes().forEach(hashes::add);
        }
        if (output != null) {
            root.put("lockFile", output.toString());
        }
        return root;
    }

    @Override
    public java.util.List<OptionGroup> optionGroups() {
        return java.util.List.of(requirements, targetOptions, index, common);
    }
}
