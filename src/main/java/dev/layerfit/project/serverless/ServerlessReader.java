package dev.layerfit.project.serverless;

import dev.layerfit.deployment.Deployment;
import dev.layerfit.deployment.DeploymentReader;
import dev.layerfit.deployment.ReadOptions;
import dev.layerfit.error.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads a Serverless Framework (v3) service. The packaged output — {@code .serverless/} after
 * {@code serverless package} — is the source of truth when present; otherwise the configuration file is read
 * as far as its variables allow (see {@link ConfiguredService}). Given the service folder or its
 * {@code .serverless} folder.
 */
public final class ServerlessReader implements DeploymentReader {

    static final String PACKAGE_DIR = ".serverless";

    private final Function<String, String> environment;

    public ServerlessReader() {
        this(System::getenv);
    }

    /** With the environment {@code ${env:X}} reads (tests pass their own). */
    ServerlessReader(Function<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public String kind() {
        return "serverless";
    }

    @Override
    public List<String> markers(Path dir) {
        List<String> found = new ArrayList<>();
        ServerlessConfig.find(dir).or(() -> ServerlessConfig.findCode(dir))
                .ifPresent(f -> found.add(f.getFileName().toString()));
        if (Files.isRegularFile(dir.resolve(PACKAGE_DIR).resolve(PackagedService.TEMPLATE))) {
            found.add(PACKAGE_DIR + "/" + PackagedService.TEMPLATE);
        } else if (Files.isRegularFile(dir.resolve(PackagedService.TEMPLATE))
                && Files.isRegularFile(dir.resolve(PackagedService.STATE))) {
            found.add(PackagedService.TEMPLATE);
        }
        return found;
    }

    @Override
    public Deployment read(Path dir, ReadOptions options) {
        boolean isPackageDir = Files.isRegularFile(dir.resolve(PackagedService.TEMPLATE));
        Path serviceDir = isPackageDir ? dir.toAbsolutePath().getParent() : dir;
        Path packageDir = isPackageDir ? dir : dir.resolve(PACKAGE_DIR);
        Optional<Path> configFile = serviceDir == null ? Optional.empty() : ServerlessConfig.find(serviceDir);
        if (Files.isRegularFile(packageDir.resolve(PackagedService.TEMPLATE))) {
            ServerlessConfig config = null;
            if (configFile.isPresent()) {
                try {
                    config = ServerlessConfig.read(configFile.get());
                } catch (BadInputException e) {
                    config = null; // only used for line numbers; the package is what deploys
                }
            }
            return PackagedService.read(packageDir, config, options);
        }
        if (configFile.isEmpty()) {
            Optional<Path> code = ServerlessConfig.findCode(dir);
            if (code.isPresent()) {
                throw new BadInputException(code.get() + " is code layerfit does not run: run serverless package, "
                        + "then check " + dir + " again (layerfit reads the .serverless folder it writes)");
            }
            throw new BadInputException(dir + " has no serverless.yml, serverless.yaml or serverless.json and no "
                    + PACKAGE_DIR + "/" + PackagedService.TEMPLATE);
        }
        return ConfiguredService.read(dir, ServerlessConfig.read(configFile.get()), options, environment);
    }
}
