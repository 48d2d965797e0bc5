package dev.layerfit.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A credentials file with one fake profile, for CLI tests: the SDK is pointed at it through the
 * {@code aws.sharedCredentialsFile} / {@code aws.configFile} system properties, and tests pass {@code --profile}.
 * The real environment's credentials are never used.
 */
public final class FakeAwsProfile {

    public static final String PROFILE = "layerfit-test";
    /** A secret that must never appear in any output. */
    public static final String SECRET = "fakeSecretKeyThatMustNeverBePrinted0000";
    public static final String KEY_ID = "AKIAFAKEKEYID0000000";

    private static boolean installed;

    private FakeAwsProfile() {
    }

    /** Installs the profile (once per JVM) and returns its name. */
    public static synchronized String install() {
        if (!installed) {
            try {
                Path dir = Files.createTempDirectory("layerfit-aws-profile");
                Path credentials = dir.resolve("credentials");
                Files.writeString(credentials, "[" + PROFILE + "]\naws_access_key_id = " + KEY_ID
                        + "\naws_secret_access_key = " + SECRET + "\n");
                Path config = dir.resolve("config");
                Files.writeString(config, "[profile " + PROFILE + "]\nregion = us-east-1\n");
                System.setProperty("aws.sharedCredentialsFile", credentials.toString());
                System.setProperty("aws.configFile", config.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            installed = true;
        }
        return PROFILE;
    }
}
