package dev.layerfit.lambda;

import java.util.Locale;

/** A Lambda instruction set architecture and the wheel platform machine name that matches it. */
public enum Architecture {
    X86_64("x86_64", "x86_64"),
    ARM64("arm64", "aarch64");

    private final String lambdaName;
    private final String wheelMachine;

    Architecture(String lambdaName, String wheelMachine) {
        this.lambdaName = lambdaName;
        this.wheelMachine = wheelMachine;
    }

    /** The name Lambda uses in its API ({@code x86_64}, {@code arm64}). */
    public String lambdaName() {
        return lambdaName;
    }

    /** The machine part of wheel platform tags ({@code manylinux_2_17_x86_64}, {@code manylinux2014_aarch64}). */
    public String wheelMachine() {
        return wheelMachine;
    }

    /** Parses {@code x86_64}, {@code amd64}, {@code arm64} or {@code aarch64} (any case). */
    public static Architecture parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "x86_64", "amd64", "x86-64":
                return X86_64;
            case "arm64", "aarch64":
                return ARM64;
            default:
                throw new UnknownTargetException("unknown architecture '" + text
                        + "'; use x86_64 (also amd64) or arm64 (also aarch64)");
        }
    }

    @Override
    public String toString() {
        return lambdaName;
    }
}
