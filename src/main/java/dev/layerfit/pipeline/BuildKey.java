package dev.layerfit.pipeline;

import dev.layerfit.layer.Slimmer;
import dev.layerfit.lock.LockedPackage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The build cache key: the sha256 of everything that decides a layer's bytes — the exact pinned set with its
 * hashes, the target, the layout, the slim options and layerfit's version (the installer, rules and zip writer).
 */
public final class BuildKey {

    private BuildKey() {
    }

    /** The key (64 hex digits) of a build of {@code pins} as {@code request} asks. */
    public static String of(PinnedSet pins, BuildRequest request) {
        StringBuilder sb = new StringBuilder("layerfit-build 1\n");
        sb.append("version ").append(request.toolVersion()).append('\n');
        sb.append("target ").append(request.target().runtime()).append(' ').append(request.target().arch()).append('\n');
        sb.append("layout ").append(request.layout().sitePrefix()).append('\n');
        sb.append("slim ").append(request.slim().profile()).append(" rules ").append(Slimmer.RULES_REVISION).append(' ').append(request.slim().keepDiscovery())
                .append(" exclude ").append(request.slim().excludes()).append(" keep ").append(request.slim().keeps()).append('\n');
        for (LockedPackage p : pins.packages()) {
            sb.append("pin ").append(p.pin().name()).append("==").append(p.pin().version()).append(' ')
                    .append(p.pin().filename()).append(" sha256:").append(p.pin().sha256()).append(' ').append(p.hashes()).append('\n');
        }
        if (request.vendorDir() != null) {
            sb.append("vendor ").append(VendorFolder.digest(request.vendorDir())).append('\n');
        }
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
