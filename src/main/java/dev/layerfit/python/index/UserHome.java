package dev.layerfit.python.index;

import java.nio.file.Path;
import java.util.Map;

/**
 * The home folder as pip and uv find it: {@code $HOME} when set (Python's {@code os.path.expanduser("~")}, Rust's
 * {@code home_dir()} on Unix), else the account's home as the JVM knows it.
 */
public final class UserHome {

    private UserHome() {
    }

    /** The home folder for this process. */
    public static Path get() {
        return of(System.getenv());
    }

    /** The home folder for the given environment. */
    public static Path of(Map<String, String> env) {
        String home = env.get("HOME");
        return home == null || home.isBlank() ? Path.of(System.getProperty("user.home")) : Path.of(home);
    }
}
