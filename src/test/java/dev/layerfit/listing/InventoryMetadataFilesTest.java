package dev.layerfit.listing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InventoryMetadataFilesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            python/numpy-2.2.6.dist-info/RECORD                                  | true
            python/lib/python3.11/site-packages/grpcio-1.84.0.dist-info/RECORD   | true
            python/grpcio-1.84.0.dist-info/top_level.txt                         | true
            python/grpcio-1.84.0.dist-info/METADATA                              | true
            python/grpcio-1.84.0.dist-info/WHEEL                                 | true
            python/grpcio-1.84.0.dist-info/INSTALLER                             | true
            numpy-2.2.6.dist-info/RECORD                                         | true
            python/grpcio-1.84.0.dist-info/entry_points.txt                      | false
            python/grpcio-1.84.0.dist-info/licenses/LICENSE                      | false
            python/grpcio-1.84.0.dist-info/licenses/RECORD                       | false
            python/pkg/RECORD                                                    | false
            python/pkg/METADATA                                                  | false
            python/six-1.16.0-py3.11.egg-info/PKG-INFO                           | true
            python/six-1.16.0-py3.11.egg-info/installed-files.txt                | true
            python/six-1.16.0-py3.11.egg-info/top_level.txt                      | true
            python/six-1.16.0-py3.11.egg-info                                    | true
            python/six-1.16.0-py3.11.egg-info/sub/file.txt                       | false
            nodejs/node_modules/lodash/package.json                              | true
            nodejs/node_modules/@aws-sdk/client-s3/package.json                  | true
            node_modules/a/node_modules/b/package.json                           | true
            nodejs/node_modules/lodash/index.js                                  | false
            nodejs/package.json                                                  | false
            python/numpy/core/tests/data/package.json                            | false
            RECORD                                                               | false
            """)
    void keepsExactlyTheFilesTheInventoryReads(String path, boolean kept) {
        assertThat(InventoryMetadataFiles.isKept(path)).isEqualTo(kept);
    }
}
