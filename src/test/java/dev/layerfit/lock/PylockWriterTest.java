package dev.layerfit.lock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerfit.lambda.PythonTarget;
import dev.layerfit.pipeline.Pinner;
import dev.layerfit.python.pep440.Version;
import dev.layerfit.python.requirements.LockedEntry;
import dev.layerfit.python.requirements.LockedSet;
import dev.layerfit.python.requirements.LockedWheel;
import dev.layerfit.python.requirements.RequirementsInput;
import dev.layerfit.python.requirements.RequirementsReader;
import dev.layerfit.python.resolve.PinnedPackage;
import dev.layerfit.python.resolve.ResolveTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A written pylock.toml reads back through the PEP 751 reader as the same pins, for its target only. */
class PylockWriterTest {

    @TempDir
    Path tmp;

    @Test
    void aWrittenLockReadsBackAsTheSamePinsWithEveryWheel() throws Exception {
        PythonTarget arm = PythonTarget.of("python3.12", null, null, "arm64");
        ResolveTarget rt = Pinner.resolveTarget(arm);
        Path wheel = Files.write(tmp.resolve("demo-1.0-py3-none-any.whl"), new byte[1234]);
        String sha = "ab".repeat(32);
        PinnedPackage pin = new PinnedPackage("demo", Version.parse("1.0"), wheel.getFileName().toString(), wheel.toUri().toString(), sha);
        LockedWheel other = new LockedWheel("demo-1.0-cp312-abi3-manylinux_2_17_aarch64.whl",
                "https://files.example/demo-1.0-cp312-abi3-manylinux_2_17_aarch64.whl", "cd".repeat(32), 99L);
        LockedPackage p = new LockedPackage(pin, List.of(sha, "cd".repeat(32)),
                List.of(other, new LockedWheel(pin.filename(), pin.url(), sha, null)));
        Lock lock = new Lock(arm, rt, List.of(p), null, List.of());
        Path out = tmp.resolve("pylock.toml");
        LockFileWriter.write(out, PylockWriter.render(lock, "layerfit resolve x \"quoted\""));
        assertThat(PylockWriter.isPylockName(out)).isTrue();
        assertThat(PylockWriter.isPylockName(tmp.resolve("pylock.prod.toml"))).isTrue();
        assertThat(PylockWriter.isPylockName(tmp.resolve("requirements.lock"))).isFalse();
        String text = Files.readString(out);
        assertThat(text).contains("size = 1234", "size = 99", "platform_machine == \\\"aarch64\\\"", "requires-python = \"==3.12.*\"");

        LockedSet read = RequirementsReader.read(RequirementsInput.files(List.of(out)), Locker.lockTarget(arm, rt)).locked().orElseThrow();
        LockedEntry e = read.packages().get(0);
        assertThat(e.name()).isEqualTo("demo");
        assertThat(e.version()).isEqualTo(Version.parse("1.0"));
        assertThat(e.wheels()).extracting(LockedWheel::filename).containsExactly(other.filename(), pin.filename());
        assertThat(e.hashes()).containsExactly(sha, "cd".repeat(32));

        PythonTarget x86 = PythonTarget.of("python3.12", null, null, "x86_64");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RequirementsReader.read(RequirementsInput.files(List.of(out)),
                Locker.lockTarget(x86, Pinner.resolveTarget(x86)))).hasMessageContaining("(environments), not python3.12");
    }
}
