package dev.layerfit.cli;

import dev.layerfit.aws.AwsClientSettings;
import dev.layerfit.aws.AwsClients;
import dev.layerfit.aws.OfflineException;
import dev.layerfit.error.BadInputException;
import java.net.URI;
import java.net.URISyntaxException;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Options of every command that talks to AWS: where and as whom, or {@code --offline} to refuse the network (an
 * {@link OptionGroup}).
 */
public final class AwsOptions implements OptionGroup {

    String profile;
    String region;
    String endpointUrl;
    boolean offline;

    @Override
    public CommandSpec mixin(CommandSpec command) {
        CommandSpec mixin = OptionSpecs.mixin();
        mixin.addOption(OptionSpecs.value(String.class, "NAME",
                "Named profile from ~/.aws/config and ~/.aws/credentials (default: the standard chain).", v -> profile = v, "--profile"));
        mixin.addOption(OptionSpecs.value(String.class, "REGION", "AWS region, e.g. eu-west-1 (default: AWS_REGION, "
                + "AWS_DEFAULT_REGION, or the profile). A layer given by ARN is always read in the ARN's region.",
                v -> region = v, "--region"));
        mixin.addOption(OptionSpecs.value(String.class, "URL", "Send Lambda and S3 calls here (moto, LocalStack).",
                v -> endpointUrl = v, "--endpoint-url"));
        mixin.addOption(OptionSpecs.flag("Refuse any network use; fail with a clear message instead.", v -> offline = v, "--offline"));
        return mixin;
    }

    /** The region given with {@code --region}, or null. */
    public String region() {
        return region;
    }

    public boolean offline() {
        return offline;
    }

    /** The settings these options describe. */
    public AwsClientSettings settings() {
        URI endpoint = null;
        if (endpointUrl != null) {
            try {
                endpoint = new URI(endpointUrl);
            } catch (URISyntaxException e) {
                throw new BadInputException("--endpoint-url '" + endpointUrl + "' is not a URL; give one like http://127.0.0.1:5000");
            }
            if (endpoint.getScheme() == null || endpoint.getHost() == null) {
                throw new BadInputException("--endpoint-url '" + endpointUrl + "' needs a scheme and host, like http://127.0.0.1:5000");
            }
        }
        if (region != null) {
            // audit takes a list (--region eu-west-1,us-east-1); AwsClients checks the one region a client gets
            for (String r : region.split(",", -1)) {
                dev.layerfit.aws.LambdaInputs.region(region.contains(",") ? r.strip() : r);
            }
        }
        return new AwsClientSettings(profile, region, endpoint, null);
    }

    /**
     * Clients for these settings.
     *
     * @param what what the command needs AWS for, for the {@code --offline} message
     */
    public AwsClients clients(String what) {
        return clients(what, null);
    }

    /** Clients for {@code region} (an ARN's own region) instead of {@code --region}, when it is not null. */
    public AwsClients clients(String what, String regionOverride) {
        if (offline) {
            throw new OfflineException("--offline: " + what + " needs the AWS API; run without --offline");
        }
        AwsClientSettings s = settings();
        return AwsClients.of(regionOverride == null ? s
                : new AwsClientSettings(s.profile(), regionOverride, s.endpoint(), s.credentials()));
    }
}
