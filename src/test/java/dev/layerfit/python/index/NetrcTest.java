package dev.layerfit.python.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetrcTest {

    @Test
    void findsMachineEntriesThenTheDefault(@TempDir Path dir) throws IOException {
        Path file = dir.resolve(".netrc");
        Files.writeString(file, """
                # company indexes
                machine pypi.corp.test login ci password "s3 cret"
                machine other.test
                    login bob
                    account ignored
                    password hunter2

                macdef init
                cd /pub
                machine evil.test login macro password body

                default login anonymous password guest@
                """);
        Netrc netrc = Netrc.read(file);
        assertThat(netrc.find("pypi.corp.test")).contains(new Netrc.Credentials("ci", "s3 cret"));
        assertThat(netrc.find("OTHER.test")).contains(new Netrc.Credentials("bob", "hunter2"));
        assertThat(netrc.find("evil.test")).contains(new Netrc.Credentials("anonymous", "guest@"));
        assertThat(netrc.find("unknown.test")).contains(new Netrc.Credentials("anonymous", "guest@"));
        assertThat(netrc.find("x").get().toString()).doesNotContain("guest@");
        assertThat(Netrc.read(dir.resolve("missing")).find("pypi.corp.test")).isEmpty();
        assertThat(Netrc.parse("machine a login u password p").find("b")).isEmpty();
    }
}
