package dev.layerfit.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerfit.archive.ArchiveEntry;
import dev.layerfit.error.LayerfitException;
import java.io.IOException;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Hand-made artifacts, one attribution rule each; no local index needed. */
class InventoryTest {

    private static final String SP = "python/lib/python3.11/site-packages/";

    /** A RECORD body listing {@code paths} the way pip writes it (hash and size columns filled in). */
    static String record(String... paths) {
        return Arrays.stream(paths).map(p -> (p.contains(",") || p.contains("\"")
                        ? "\"" + p.replace("\"", "\"\"") + "\"" : p) + ",sha256=AAAA,1")
                .collect(Collectors.joining("\r\n", "", "\r\n"));
    }

    static FileUsage file(Inventory inventory, String entryName) {
        return inventory.files().stream().filter(f -> f.entry().name().equals(entryName)).findFirst().orElseThrow();
    }

    static long sumOfEntries(MapContents contents) {
        return contents.entries().stream().mapToLong(ArchiveEntry::countedBytes).sum();
    }

    @Test
    void recordWithQuotedCommasAttributesEveryListedFile() {
        MapContents layer = new MapContents("odd.zip")
                .dir("python/")
                .file("python/odd_pkg/__init__.py", 10)
                .file("python/odd_pkg/data,with,commas.json", 20)
                .file("python/odd_pkg/say \"hi\".txt", 30)
                .file("python/Odd_Pkg-1.0.dist-info/METADATA", "Name: Odd-Pkg\nVersion: 1.0\n")
                .file("python/Odd_Pkg-1.0.dist-info/RECORD", record("odd_pkg/__init__.py", "odd_pkg/data,with,commas.json",
                        "odd_pkg/say \"hi\".txt", "Odd_Pkg-1.0.dist-info/METADATA", "Odd_Pkg-1.0.dist-info/RECORD"));
        Inventory inv = Inventory.of(layer);

        DistributionUsage odd = inv.distribution("odd-pkg").orElseThrow();
        assertThat(odd.name()).isEqualTo("odd-pkg");
        assertThat(odd.version()).isEqualTo("1.0");
        assertThat(odd.attributedBy()).isEqualTo(AttributedBy.RECORD);
        assertThat(odd.files()).isEqualTo(5);
        assertThat(inv.distributions()).hasSize(1);
        assertThat(file(inv, "python/odd_pkg/data,with,commas.json").category()).isEqualTo(Category.PACKAGE_DATA);
        assertThat(odd.bytes(Category.METADATA)).isPositive();
        assertThat(inv.totalBytes()).isEqualTo(sumOfEntries(layer)).isEqualTo(odd.bytes());
        assertThat(layer.reads()).containsExactly("python/Odd_Pkg-1.0.dist-info/RECORD");
    }

    @Test
    void runtimePathIsTheSameUnderPythonAndSitePackages() {
        MapContents layer = new MapContents("two-roots.zip")
                .file("python/six.py", 100)
                .file(SP + "numpy/__init__.py", 200);
        Inventory inv = Inventory.of(layer);

        assertThat(file(inv, "python/six.py").runtimePath()).isEqualTo("six.py");
        assertThat(file(inv, SP + "numpy/__init__.py").runtimePath()).isEqualTo("numpy/__init__.py");
        assertThat(file(inv, SP + "numpy/__init__.py").siteRoot().prefix()).isEqualTo(SP);
        assertThat(file(inv, SP + "numpy/__init__.py").siteRoot().searchOrder()).isLessThan(
                file(inv, "python/six.py").siteRoot().searchOrder());
    }

    @Test
    void scriptsOutsideTheSiteRootAndUnlistedBytecodeBelongToTheDistribution() {
        MapContents layer = new MapContents("scripts.zip")
                .file(SP + "tool/__init__.py", 10)
                .file(SP + "tool/cli.py", 10)
                .file(SP + "tool/__pycache__/cli.cpython-311.pyc", 40)
                .file(SP + "tool/sub/__pycache__/deep.cpython-311.pyc", 50)
                .file(SP + "__pycache__/tool_helper.cpython-311.pyc", 60)
                .file(SP + "tool_helper.py", 10)
                .file("python/bin/tool", 70)
                .file(SP + "tool-2.0.dist-info/INSTALLER", "pip\n")
                .file(SP + "tool-2.0.dist-info/RECORD", record("tool/__init__.py", "tool/cli.py", "tool_helper.py",
                        "../../../bin/tool", "tool-2.0.dist-info/RECORD"));
        Inventory inv = Inventory.of(layer);

        DistributionUsage tool = inv.distribution("tool").orElseThrow();
        assertThat(inv.distributions()).containsExactly(tool);
        assertThat(tool.files()).isEqualTo(9);
        assertThat(tool.bytes(Category.BYTECODE)).isEqualTo(150);
        assertThat(file(inv, "python/bin/tool").category()).isEqualTo(Category.OTHER);
        assertThat(file(inv, "python/bin/tool").runtimePath()).isEqualTo("bin/tool");
    }

    @Test
    void unlistedFilesInANamespacePackageGoToTheDistributionOwningTheirFolder() {
        MapContents layer = new MapContents("namespace.zip")
                .file("python/google/auth/__init__.py", 10)
                .file("python/google/protobuf/__init__.py", 20)
                .file("python/google/protobuf/__pycache__/message.cpython-311.pyc", 300)
                .file("python/google/auth/transport/extra.py", 40)
                .file("python/google_auth-2.0.0.dist-info/RECORD", record("google/auth/__init__.py"))
                .file("python/protobuf-4.25.0.dist-info/RECORD", record("google/protobuf/__init__.py"));
        Inventory inv = Inventory.of(layer);

        assertThat(file(inv, "python/google/protobuf/__pycache__/message.cpython-311.pyc").distribution().name())
                .isEqualTo("protobuf");
        assertThat(file(inv, "python/google/auth/transport/extra.py").distribution().name()).isEqualTo("google-auth");
        assertThat(inv.distributions()).extracting(DistributionUsage::name).containsExactly("protobuf", "google-auth");
    }

    @Test
    void withoutRecordTopLevelTxtNamesTheFiles() {
        MapContents layer = new MapContents("top-level.zip")
                .file("python/yaml/__init__.py", 100)
                .file("python/_yaml/__init__.py", 20)
                .file("python/PyYAML-6.0.1.dist-info/METADATA", "Name: PyYAML\nVersion: 6.0.1\n")
                .file("python/PyYAML-6.0.1.dist-info/top_level.txt", "_yaml\nyaml\n");
        Inventory inv = Inventory.of(layer);

        DistributionUsage yaml = inv.distribution("PyYAML").orElseThrow();
        assertThat(yaml.attributedBy()).isEqualTo(AttributedBy.TOP_LEVEL);
        assertThat(yaml.version()).isEqualTo("6.0.1");
        assertThat(yaml.files()).isEqualTo(4);
        assertThat(inv.distributions()).hasSize(1);
    }

    @Test
    void withoutAnyMetadataTheTopLevelFolderOrModuleIsAPseudoDistribution() {
        MapContents layer = new MapContents("bare.zip")
                .dir("python/")
                .dir("python/vendored/")
                .file("python/vendored/__init__.py", 100)
                .file("python/vendored/data/table.csv", 300)
                .file("python/six.py", 50)
                .file("python/__pycache__/six.cpython-311.pyc", 40)
                .file("python/_cffi_backend.cpython-311-x86_64-linux-gnu.so", 500)
                .file("bin/ffmpeg", 1000)
                .symlink("lib/libav.so", "libav.so.60");
        Inventory inv = Inventory.of(layer);

        DistributionUsage vendored = inv.distribution("vendored").orElseThrow();
        assertThat(vendored.attributedBy()).isEqualTo(AttributedBy.FOLDER);
        assertThat(vendored.version()).isNull();
        assertThat(vendored.bytes()).isEqualTo(400);
        assertThat(inv.distribution("six").orElseThrow().bytes()).isEqualTo(90);
        assertThat(inv.distribution("_cffi_backend").orElseThrow().bytes(Category.NATIVE)).isEqualTo(500);
        assertThat(inv.distribution("bin/").orElseThrow().siteRoot().ecosystem()).isEqualTo(Ecosystem.NONE);
        assertThat(inv.distribution("lib/").orElseThrow().bytes()).isEqualTo("libav.so.60".length());
        assertThat(inv.totalBytes()).isEqualTo(sumOfEntries(layer)).isEqualTo(1990 + 11);
        assertThat(inv.entryCount()).isEqualTo(9);
        assertThat(inv.files()).hasSize(7);
    }

    @Test
    void theCallerCanSayWhetherAnArtifactIsALayerOrFunctionCode() {
        MapContents ffmpeg = new MapContents("ffmpeg.zip").file("bin/ffmpeg", 900);
        assertThat(Inventory.of(ffmpeg).distributions().get(0).name()).isEqualTo("bin");
        DistributionUsage asLayer = Inventory.of(ffmpeg, ArtifactKind.LAYER).distributions().get(0);
        assertThat(asLayer.name()).isEqualTo("bin/");
        assertThat(asLayer.siteRoot().ecosystem()).isEqualTo(Ecosystem.NONE);

        MapContents function = new MapContents("function.zip").file("python/handler.py", 10).file("main.py", 5);
        Inventory asFunction = Inventory.of(function, ArtifactKind.FUNCTION);
        assertThat(asFunction.distribution(Inventory.FUNCTION_CODE).orElseThrow().bytes()).isEqualTo(5);
        assertThat(asFunction.distribution("python").orElseThrow().siteRoot().isFunctionRoot()).isTrue();
    }

    @Test
    void oddDistInfoNameFallsBackToMetadataAndEggInfoListsItsFiles() {
        MapContents layer = new MapContents("odd.zip")
                .file("python/weird.dist-info/METADATA", "Metadata-Version: 2.1\nName: Weird.Thing\nVersion: 3.2\n\nName: body\n")
                .file("python/weird.dist-info/RECORD", record("weird/__init__.py"))
                .file("python/weird/__init__.py", 10)
                .file("python/legacy/__init__.py", 10)
                .file("python/legacy/extra.py", 10)
                .file("python/legacy-0.9-py3.11.egg-info/PKG-INFO", "Name: legacy\nVersion: 0.9\n")
                .file("python/legacy-0.9-py3.11.egg-info/installed-files.txt", "../legacy/__init__.py\nPKG-INFO\n")
                .file("python/single-1.1-py3.11.egg-info", "Name: single\n")
                .file("python/single.py", 10);
        Inventory inv = Inventory.of(layer);

        DistributionUsage weird = inv.distribution("weird-thing").orElseThrow();
        assertThat(weird.version()).isEqualTo("3.2");
        assertThat(weird.files()).isEqualTo(3);
        DistributionUsage legacy = inv.distribution("legacy").orElseThrow();
        assertThat(legacy.attributedBy()).isEqualTo(AttributedBy.EGG_INFO);
        assertThat(legacy.version()).isEqualTo("0.9");
        assertThat(legacy.files()).isEqualTo(4);
        DistributionUsage single = inv.distribution("single").orElseThrow();
        assertThat(single.attributedBy()).isEqualTo(AttributedBy.EGG_INFO);
        assertThat(single.files()).isEqualTo(2);
        assertThat(inv.distributions()).hasSize(3);
    }

    @Test
    void functionZipRootIsFunctionCodeAndItsFoldersArePackages() {
        MapContents function = new MapContents("deployment.zip")
                .file("app.py", 1000)
                .file("__pycache__/app.cpython-311.pyc", 800)
                .file("chalicelib/__init__.py", 10)
                .file("chalicelib/db.py", 500)
                .file("requests/__init__.py", 300)
                .file("requests-2.31.0.dist-info/RECORD", record("requests/__init__.py"))
                .file("node_modules/left-pad/index.js", 70);
        Inventory inv = Inventory.of(function);

        DistributionUsage code = inv.distribution(Inventory.FUNCTION_CODE).orElseThrow();
        assertThat(code.attributedBy()).isEqualTo(AttributedBy.FUNCTION);
        assertThat(code.bytes()).isEqualTo(1800);
        assertThat(code.siteRoot().isFunctionRoot()).isTrue();
        assertThat(inv.distribution("chalicelib").orElseThrow().attributedBy()).isEqualTo(AttributedBy.FOLDER);
        assertThat(inv.distribution("requests").orElseThrow().version()).isEqualTo("2.31.0");
        assertThat(inv.distribution("left-pad").orElseThrow().siteRoot().ecosystem()).isEqualTo(Ecosystem.NODE);
        assertThat(inv.totalBytes()).isEqualTo(sumOfEntries(function));
    }

    @Test
    void nodeLayerAttributesScopedAndNestedPackagesFromPackageJson() {
        MapContents layer = new MapContents("node.zip")
                .file("nodejs/node_modules/lodash/package.json", "{\"name\":\"lodash\",\"version\":\"4.17.21\"}")
                .file("nodejs/node_modules/lodash/lodash.js", 5000)
                .file("nodejs/node_modules/lodash/fp/package.json", "{\"main\":\"../fp.js\"}")
                .file("nodejs/node_modules/lodash/README.md", 100)
                .file("nodejs/node_modules/@aws-sdk/client-s3/package.json", "{\"name\":\"@aws-sdk/client-s3\",\"version\":\"3.600.0\"}")
                .file("nodejs/node_modules/@aws-sdk/client-s3/dist-types/index.d.ts", 300)
                .file("nodejs/node_modules/a/package.json", "{\"name\":\"a\",\"version\":\"1.0.0\"}")
                .file("nodejs/node_modules/a/node_modules/b/package.json", "{\"name\":\"b\",\"version\":\"2.0.0\"}")
                .file("nodejs/node_modules/a/node_modules/b/index.js", 40)
                .file("nodejs/node_modules/a/node_modules/.bin/b", 9)
                .file("nodejs/node_modules/broken/package.json", "{not json")
                .file("nodejs/node_modules/broken/index.js", 7)
                .file("nodejs/node20/node_modules/sharp/package.json", "{\"name\":\"sharp\",\"version\":\"0.33.0\"}")
                .file("nodejs/node20/node_modules/sharp/build/Release/sharp.node", 9000);
        Inventory inv = Inventory.of(layer);

        DistributionUsage lodash = inv.distribution("lodash").orElseThrow();
        assertThat(lodash.version()).isEqualTo("4.17.21");
        assertThat(lodash.attributedBy()).isEqualTo(AttributedBy.PACKAGE_JSON);
        assertThat(lodash.files()).isEqualTo(4);
        assertThat(lodash.bytes(Category.DOCS)).isEqualTo(100);
        assertThat(inv.distribution("@aws-sdk/client-s3").orElseThrow().bytes(Category.TYPE_STUBS)).isEqualTo(300);
        assertThat(inv.distribution("b").orElseThrow().files()).isEqualTo(2);
        assertThat(inv.distribution("a").orElseThrow().files()).isEqualTo(2);
        assertThat(file(inv, "nodejs/node_modules/a/node_modules/b/index.js").runtimePath()).isEqualTo("a/node_modules/b/index.js");
        assertThat(inv.distribution("broken").orElseThrow().attributedBy()).isEqualTo(AttributedBy.FOLDER);
        DistributionUsage sharp = inv.distribution("sharp").orElseThrow();
        assertThat(sharp.siteRoot().prefix()).isEqualTo("nodejs/node20/node_modules/");
        assertThat(sharp.bytes(Category.NATIVE)).isEqualTo(9000);
        assertThat(inv.totalBytes()).isEqualTo(sumOfEntries(layer));
    }

    @Test
    void javaLayerJarsAreDistributionsNamedFromTheirFiles() {
        MapContents layer = new MapContents("java.zip")
                .dir("java/")
                .dir("java/lib/")
                .file("java/lib/jackson-databind-2.17.1.jar", 1600)
                .file("java/lib/guava-33.0.0-jre.jar", 3000)
                .file("java/lib/handler.jar", 20)
                .file("java/lib/native/libfoo.so", 77);
        Inventory inv = Inventory.of(layer);

        assertThat(inv.distribution("jackson-databind").orElseThrow().version()).isEqualTo("2.17.1");
        DistributionUsage guava = inv.distribution("guava").orElseThrow();
        assertThat(guava.version()).isEqualTo("33.0.0-jre");
        assertThat(guava.attributedBy()).isEqualTo(AttributedBy.JAR);
        assertThat(guava.bytes(Category.CODE)).isEqualTo(3000);
        assertThat(inv.distribution("handler").orElseThrow().version()).isNull();
        assertThat(inv.distribution("native").orElseThrow().attributedBy()).isEqualTo(AttributedBy.FOLDER);
        assertThat(inv.distributions().get(0)).isEqualTo(guava);
        assertThat(inv.bytes(Category.CODE)).isEqualTo(4620);
        assertThat(inv.totalBytes()).isEqualTo(sumOfEntries(layer));
    }

    @Test
    void everyFileHasOneCategoryAndCategoriesSumToTheTotal() {
        MapContents layer = new MapContents("mixed.zip")
                .file("python/pkg/__init__.py", 10)
                .file("python/pkg/tests/test_x.py", 20)
                .file("python/pkg/_ext.cpython-311-x86_64-linux-gnu.so", 30)
                .file("python/pkg/py.typed", 0)
                .file("python/pkg/data.json", 40)
                .file("python/pkg/README.md", 50);
        Inventory inv = Inventory.of(layer);

        assertThat(inv.categoryBytes().keySet()).containsExactly(Category.values());
        assertThat(inv.categoryBytes().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(inv.totalBytes());
        assertThat(inv.bytes(Category.TESTS)).isEqualTo(20);
        DistributionUsage pkg = inv.distribution("pkg").orElseThrow();
        assertThat(pkg.bytesByCategory().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(pkg.bytes());
    }

    @Test
    void unreadableRecordIsOneSentenceNamingTheArtifactAndEntry() {
        MapContents broken = new MapContents("broken.zip") {
            @Override
            public byte[] read(String name) throws IOException {
                throw new IOException("invalid stored block lengths");
            }
        }.file("python/x-1.0.dist-info/RECORD", "x/__init__.py,,\n");

        assertThatThrownBy(() -> Inventory.of(broken))
                .isInstanceOf(InventoryReadException.class)
                .hasMessage("broken.zip: cannot read python/x-1.0.dist-info/RECORD (invalid stored block lengths); "
                        + "check that the archive is complete and not corrupted")
                .extracting(e -> ((LayerfitException) e).kind()).isEqualTo(LayerfitException.Kind.BAD_INPUT);
    }
}
