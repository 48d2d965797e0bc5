package dev.layerfit.python.requirements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerfit.CliRun;
import dev.layerfit.error.BadInputException;
import dev.layerfit.lambda.PythonTarget;
import dev.layerfit.lock.Locker;
import dev.layerfit.pipeline.Pinner;
import dev.layerfit.python.pep508.RequirementsFileEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading every input format without an index: the hand-written fixtures in {@code src/test/resources/inputs}
 * (see its README), selections, and each bad input the issue names (one sentence, exit 2, nothing written).
 */
class RequirementsInputsTest {

    static final Path FIXTURES = Path.of("src/test/resources/inputs");
    static final PythonTarget PY311 = PythonTarget.of(null, "3.11", "2.34", "x86_64");
    static final PythonTarget PY312 = PythonTarget.of("python3.12", null, null, "x86_64");

    @TempDir
    Path tmp;

    static LockTarget target(PythonTarget t) {
        return Locker.lockTarget(t, Pinner.resolveTarget(t));
    }

    static ReadRequirements read(RequirementsInput input, PythonTarget t) {
        return RequirementsReader.read(input, target(t));
    }

    private Path copy(String fixture, String as) throws IOException {
        Path out = tmp.resolve(as);
        Files.writeString(out, Files.readString(FIXTURES.resolve(fixture)).replace("@FILES@", "file:///nowhere/"));
        return out;
    }

    @Test
    void formatsAreRecognisedByNameAndByContent() throws IOException {
        for (String f : List.of("uv.lock", "poetry.lock", "Pipfile.lock", "pylock.toml", "pyproject.toml", "requirements.txt")) {
            String text = Files.readString(FIXTURES.resolve(f));
            InputFormat byName = InputFormat.detect(f, text);
            assertThat(InputFormat.detect("renamed.txt", text)).as(f).isEqualTo(byName);
            assertThat(InputFormat.detect(null, text)).as(f).isEqualTo(byName);
        }
        assertThat(InputFormat.detect("pylock.prod.toml", "")).isEqualTo(InputFormat.PYLOCK);
        assertThat(InputFormat.detect("requirements.txt", "requests\n")).isEqualTo(InputFormat.REQUIREMENTS_TXT);
    }

    @Test
    void pyprojectGivesDependenciesExtrasAndIncludedGroups() {
        RequirementsInput input = new RequirementsInput(List.of(new RequirementsSource.File(FIXTURES.resolve("pyproject.toml"))),
                List.of(), List.of("DATES"), List.of("test"), false);
        ReadRequirements r = read(input, PY311);
        assertThat(r.locked()).isEmpty();
        assertThat(r.requirements()).extracting(e -> e.requirement().toString())
                .containsExactly("requests==2.34.2", "exceptiongroup; python_version < \"3.11\"", "python-dateutil==2.9.0.post0",
                        "attrs", "six");
        assertThat(r.requirements().get(0).location()).endsWith("pyproject.toml:10");
    }

    @Test
    void everyLockGivesTheSameEightPackagesForPython311AndDropsWhatItsMarkersExclude() throws IOException {
        List<String> expected = List.of("certifi", "charset-normalizer", "idna", "python-dateutil", "requests", "six", "urllib3");
        for (String f : List.of("uv.lock", "poetry.lock", "Pipfile.lock", "pylock.toml")) {
            RequirementsInput input = new RequirementsInput(List.of(new RequirementsSource.File(copy(f, f))), List.of(),
                    f.equals("uv.lock") ? List.of("dates") : List.of(), List.of(), false);
            LockedSet lock = read(input, PY311).locked().orElseThrow();
            assertThat(lock.packages()).as(f).extracting(LockedEntry::name).containsExactlyElementsOf(expected);
            LockedEntry requests = lock.packages().get(4);
            assertThat(requests.version()).hasToString("2.34.2");
            assertThat(requests.hashes()).containsExactly("2a0d60c172f83ac6ab31e4554906c0f3b3588d37b5cb939b1c061f4907e278e0");
        }
        // on 3.10 the markers let exceptiongroup in
        PythonTarget py310 = PythonTarget.of(null, "3.10", "2.34", "x86_64");
        LockedSet pylock = read(RequirementsInput.files(List.of(copy("pylock.toml", "pylock.toml"))), py310).locked().orElseThrow();
        assertThat(pylock.packages()).extracting(LockedEntry::name).contains("exceptiongroup");
    }

    @Test
    void uvLockWithoutTheExtraLeavesItsPackagesOut() throws IOException {
        LockedSet lock = read(RequirementsInput.files(List.of(copy("uv.lock", "uv.lock"))), PY311).locked().orElseThrow();
        assertThat(lock.packages()).extracting(LockedEntry::name).doesNotContain("python-dateutil", "six", "demo");
        assertThat(lock.packages().stream().filter(p -> p.name().equals("charset-normalizer")).findFirst().orElseThrow().wheels())
                .hasSize(2);
    }

    @Test
    void specifiersAndStandardInputJoinFiles() throws IOException {
        Path base = Files.writeString(tmp.resolve("base.txt"), "six\n");
        RequirementsInput input = new RequirementsInput(List.of(new RequirementsSource.Specifier("requests>=2.31"),
                new RequirementsSource.File(base), new RequirementsSource.Stdin("idna\n--pre\n")), List.of(), List.of(), List.of(), false);
        ReadRequirements r = read(input, PY311);
        assertThat(r.requirements()).extracting(RequirementsFileEntry::location)
                .containsExactly("(command line):1", base + ":1", "-:1");
        assertThat(r.pre()).isTrue();
    }

    // --- bad input: one sentence each, exit 2, nothing written ---

    private void refused(String expected, String... args) {
        Path out = tmp.resolve("out.lock");
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 1, args.length);
        all[0] = "resolve";
        all[args.length + 1] = "--runtime";
        all[args.length + 2] = "python3.11";
        all[args.length + 3] = "-o" + out;
        CliRun r = CliRun.of(all);
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains(expected).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
        assertThat(out).doesNotExist();
    }

    @Test
    void aPyprojectWithoutAProjectTableIsRefused() throws IOException {
        Path p = Files.writeString(tmp.resolve("pyproject.toml"), "[tool.black]\nline-length = 100\n");
        refused("has no [project] table", p.toString());
        Path poetry = Files.writeString(tmp.resolve("sub-pyproject.toml"), "[tool.poetry]\nname = \"x\"\n[build-system]\nrequires = []\n");
        refused("give its poetry.lock instead", poetry.toString());
    }

    @Test
    void dynamicDependenciesAreRefused() throws IOException {
        Path p = Files.writeString(tmp.resolve("pyproject.toml"), "[project]\nname = \"x\"\nversion = \"1\"\ndynamic = [\"dependencies\"]\n");
        refused("lists \"dependencies\" in [project].dynamic", p.toString());
    }

    @Test
    void anUnknownExtraOrGroupIsRefused() {
        refused("has no extra \"nope\"", FIXTURES.resolve("pyproject.toml").toString(), "--extra", "nope");
        refused("has no dependency group \"nope\" in [dependency-groups] (it defines test, lint)",
                FIXTURES.resolve("pyproject.toml").toString(), "--group", "nope");
    }

    @Test
    void locksFromAnotherToolVersionAreRefused() throws IOException {
        Path uv = Files.writeString(tmp.resolve("uv.lock"), Files.readString(FIXTURES.resolve("uv.lock")).replace("version = 1\n", "version = 2\n"));
        refused("is a uv.lock of version 2; layerfit reads version 1", uv.toString());
        Path poetry = Files.writeString(tmp.resolve("poetry.lock"),
                Files.readString(FIXTURES.resolve("poetry.lock")).replace("lock-version = \"2.1\"", "lock-version = \"3.0\""));
        refused("lock-version \"3.0\"", poetry.toString());
        Path pipfile = Files.writeString(tmp.resolve("Pipfile.lock"),
                Files.readString(FIXTURES.resolve("Pipfile.lock")).replace("\"pipfile-spec\": 6", "\"pipfile-spec\": 5"));
        refused("pipfile-spec 5", pipfile.toString());
        Path pylock = Files.writeString(tmp.resolve("pylock.toml"),
                Files.readString(FIXTURES.resolve("pylock.toml")).replace("lock-version = \"1.0\"", "lock-version = \"2.0\""));
        refused("lock-version \"2.0\"", pylock.toString());
    }

    @Test
    void locksWithMissingHashesAreRefused() throws IOException {
        Path uv = Files.writeString(tmp.resolve("uv.lock"), Files.readString(FIXTURES.resolve("uv.lock"))
                .replace(", hash = \"sha256:2a0d60c172f83ac6ab31e4554906c0f3b3588d37b5cb939b1c061f4907e278e0\"", ""));
        refused("requests-2.34.2-py3-none-any.whl has no sha256 hash", uv.toString());
        Path pylock = Files.writeString(tmp.resolve("pylock.toml"), Files.readString(FIXTURES.resolve("pylock.toml"))
                .replace("hashes = { sha256 = \"2a0d60c172f83ac6ab31e4554906c0f3b3588d37b5cb939b1c061f4907e278e0\" }", "hashes = { }"));
        refused("has no sha256 hash", pylock.toString());
        Path pipfile = Files.writeString(tmp.resolve("Pipfile.lock"), Files.readString(FIXTURES.resolve("Pipfile.lock"))
                .replace("\"hashes\": [\"sha256:2a0d60c172f83ac6ab31e4554906c0f3b3588d37b5cb939b1c061f4907e278e0\"]", "\"hashes\": []"));
        refused("has no sha256 hash", pipfile.toString());
        Path poetry = Files.writeString(tmp.resolve("poetry.lock"), Files.readString(FIXTURES.resolve("poetry.lock"))
                .replace("    {file = \"requests-2.34.2-py3-none-any.whl\", hash = \"sha256:2a0d60c172f83ac6ab31e4554906c0f3b3588d37b5cb939b1c061f4907e278e0\"},\n", ""));
        refused("lists no files with hashes", poetry.toString());
    }

    @Test
    void locksForAnotherPythonAreRefused() throws IOException {
        refused("is locked for Python ==3.12.*", Files.writeString(tmp.resolve("pylock.toml"), Files.readString(FIXTURES.resolve(
                "pylock.toml")).replace("requires-python = \">=3.9\"", "requires-python = \"==3.12.*\"")).toString());
        refused("is locked for Python ==3.12.*", Files.writeString(tmp.resolve("Pipfile.lock"), Files.readString(FIXTURES.resolve(
                "Pipfile.lock")).replace("\"python_version\": \"3.11\"", "\"python_version\": \"3.12\"")).toString());
        refused("is locked for Python ^3.12", Files.writeString(tmp.resolve("poetry.lock"), Files.readString(FIXTURES.resolve(
                "poetry.lock")).replace("python-versions = \"^3.9\"", "python-versions = \"^3.12\"")).toString());
        refused("is locked for Python >=3.13", Files.writeString(tmp.resolve("uv.lock"), Files.readString(FIXTURES.resolve(
                "uv.lock")).replace("requires-python = \">=3.9\"", "requires-python = \">=3.13\"")).toString());
    }

    @Test
    void locksForAnotherPlatformAreRefused() throws IOException {
        refused("(environments), not python3.11", Files.writeString(tmp.resolve("pylock.toml"), Files.readString(FIXTURES.resolve(
                "pylock.toml")).replace("sys_platform == 'linux'", "sys_platform == 'darwin'")).toString());
        refused("(supported-markers), not python3.11", Files.writeString(tmp.resolve("uv.lock"), Files.readString(FIXTURES.resolve(
                "uv.lock")).replace("requires-python = \">=3.9\"", "requires-python = \">=3.9\"\nsupported-markers = [\"sys_platform == 'win32'\"]"))
                .toString());
    }

    @Test
    void requirementsFileLoopsAreRefused() throws IOException {
        Files.writeString(tmp.resolve("a.txt"), "-r b.txt\nsix\n");
        Files.writeString(tmp.resolve("b.txt"), "-r a.txt\n");
        refused("makes a cycle (a.txt -> b.txt -> a.txt)", "-r", tmp.resolve("a.txt").toString());
    }

    @Test
    void aLockMixedWithOtherRequirementsIsRefused() throws IOException {
        refused("taken as it is: give it alone", copy("pylock.toml", "pylock.toml").toString(), "six");
    }

    @Test
    void withProjectRequiresTheProjectItselfWithItsExtrasAndTheGroups() throws IOException {
        RequirementsInput input = new RequirementsInput(List.of(new RequirementsSource.File(FIXTURES.resolve("pyproject.toml"))),
                List.of(), List.of("DATES"), List.of("test"), true);
        ReadRequirements r = read(input, PY311);
        // the project's dependencies and extras come from the wheel built from it; the groups are not in any wheel
        assertThat(r.requirements()).extracting(e -> e.requirement().toString()).containsExactly("demo[DATES]", "attrs", "six");
        LocalProject project = r.project().orElseThrow();
        assertThat(project.name()).isEqualTo("demo");
        assertThat(project.directory()).isEqualTo(FIXTURES.resolve("pyproject.toml").toAbsolutePath().getParent());
        // dynamic dependencies are fine then: the build computes them
        Path dynamic = Files.writeString(tmp.resolve("pyproject.toml"),
                "[project]\nname = \"Dyn_Proj\"\ndynamic = [\"dependencies\", \"version\"]\n");
        ReadRequirements d = read(new RequirementsInput(List.of(new RequirementsSource.File(dynamic)), List.of(), List.of(), List.of(),
                true), PY311);
        assertThat(d.project().orElseThrow().name()).isEqualTo("dyn-proj");
        assertThat(read(RequirementsInput.files(List.of(FIXTURES.resolve("pyproject.toml"))), PY311).project()).isEmpty();
    }

    @Test
    void withProjectNeedsOnePyprojectWithAProjectName() throws IOException {
        refused("--with-project installs the project of a pyproject.toml, and none was given", "six", "--with-project");
        refused("and --with-project builds the project of a pyproject.toml; give the pyproject.toml instead",
                copy("uv.lock", "uv.lock").toString(), "--with-project");
        Path nameless = Files.writeString(tmp.resolve("pyproject.toml"), "[project]\nversion = \"1\"\n");
        refused("has no [project].name, so --with-project has no project to build", nameless.toString(), "--with-project");
        Path other = Files.createDirectories(tmp.resolve("other")).resolve("pyproject.toml");
        Files.copy(FIXTURES.resolve("pyproject.toml"), other);
        refused("--with-project builds one project, and two pyproject.toml files were given",
                FIXTURES.resolve("pyproject.toml").toString(), other.toString(), "--with-project");
    }

    @Test
    void dockerfileWritesALocksPinsForTheTargetIntoTheImage() throws IOException {
        Path project = java.nio.file.Files.createDirectories(tmp.resolve("app"));
        Files.writeString(project.resolve("Pipfile.lock"), Files.readString(FIXTURES.resolve("Pipfile.lock")));
        CliRun r = CliRun.of("dockerfile", "--project", project.toString(), "Pipfile.lock", "--runtime", "python3.11");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("COPY <<\"REQUIREMENTS\" ${LAMBDA_TASK_ROOT}/requirements.txt\n",
                "requests==2.34.2 --hash=sha256:2a0d60c172f83ac6ab31e4554906c0f3b3588d37b5cb939b1c061f4907e278e0\n",
                "--require-hashes").doesNotContain("exceptiongroup");
        Files.copy(FIXTURES.resolve("pyproject.toml"), project.resolve("pyproject.toml"));
        CliRun py = CliRun.of("dockerfile", "--project", project.toString(), "pyproject.toml", "--extra", "dates", "--runtime", "python3.11");
        assertThat(py.out()).contains("requests==2.34.2\nexceptiongroup; python_version < \"3.11\"\npython-dateutil==2.9.0.post0\nREQUIREMENTS\n")
                .doesNotContain("--require-hashes");
    }

    @Test
    void mergeTakesPyprojectFilesAndRefusesLocks() throws IOException {
        Path reqs = Files.writeString(tmp.resolve("more.txt"), "requests>=2.30\nboto3\n");
        CliRun r = CliRun.of("merge", FIXTURES.resolve("pyproject.toml").toString(), reqs.toString(), "--extra", "dates");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("requests==2.34.2,>=2.30", "python-dateutil==2.9.0.post0", "boto3");
        CliRun lock = CliRun.of("merge", copy("uv.lock", "uv.lock").toString(), reqs.toString());
        assertThat(lock.exitCode()).isEqualTo(2);
        assertThat(lock.err()).contains("is a uv.lock, whose pins hold for the targets it was locked for");
    }
}
