package dev.layerfit.project.chalice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Functions found in app.py and chalicelib, named as Chalice names them. */
class ChaliceAppScannerTest {

    @TempDir
    Path project;

    @Test
    void everyDecoratorBecomesTheFunctionChaliceDeploysInItsOrder() throws Exception {
        Files.writeString(project.resolve("app.py"), String.join("\n",
                "from chalice import Chalice, Rate  # the app",
                "from chalicelib import jobs",
                "",
                "app = Chalice(app_name='shop')",
                "app.register_blueprint(jobs.bp, name_prefix='jobs_')",
                "",
                "@app.route('/')",
                "def index():",
                "    return {'hello': 'world'}",
                "",
                "@app.route('/items/{id}', methods=['GET',",
                "                                  'PUT'])",
                "def item(id):",
                "    s = \"@app.lambda_function() in a string\"",
                "    return {}",
                "",
                "@app.lambda_function(name='resize')",
                "def resize_image(event, context):",
                "    return event",
                "",
                "@app.schedule(Rate(1, unit=Rate.HOURS))",
                "def nightly(event):",
                "    pass",
                "",
                "@app.on_s3_event(bucket='uploads', events=['s3:ObjectCreated:*'], name=\"on_upload\")",
                "def uploaded(event):",
                "    pass",
                "",
                "@app.on_ws_message()",
                "def message(event):",
                "    pass",
                "",
                "@app.on_ws_connect()",
                "def connect(event):",
                "    pass",
                "",
                "@app.authorizer()",
                "def auth(request):",
                "    pass",
                ""));
        Files.createDirectories(project.resolve("chalicelib"));
        Files.writeString(project.resolve("chalicelib/__init__.py"), "");
        Files.writeString(project.resolve("chalicelib/jobs.py"), String.join("\n",
                "from chalice import Blueprint",
                "bp = Blueprint(__name__)",
                "@bp.on_sqs_message(queue='work')",
                "async def worker(event):",
                "    pass",
                ""));

        ChaliceAppScanner.Result r = ChaliceAppScanner.scan(project);

        assertThat(r.readable()).isTrue();
        assertThat(r.functions()).extracting(ChaliceFunction::resourceName).containsExactly(
                "resize", "jobs_worker", "nightly", "on_upload", "api_handler", "auth", "websocket_connect", "websocket_message");
        assertThat(r.functions()).extracting(f -> f.lambdaName("shop", "prod")).containsExactly(
                "shop-prod-resize", "shop-prod-jobs_worker", "shop-prod-nightly", "shop-prod-on_upload", "shop-prod",
                "shop-prod-auth", "shop-prod-websocket_connect", "shop-prod-websocket_message");
        assertThat(r.functions().get(0).definedAt().describe()).isEqualTo("app.py:17");
        // the blueprint's handler registers when register_blueprint runs (line 5), before app.py's own event handlers
        assertThat(r.functions().get(1).definedAt().describe()).isEqualTo(Path.of("chalicelib/jobs.py") + ":3");
    }

    @Test
    void aBlueprintNeverRegisteredDeploysNothing() throws Exception {
        Files.writeString(project.resolve("app.py"), "from chalice import Chalice\nfrom chalicelib.extra import bp\n"
                + "app = Chalice(app_name='a')\n@app.lambda_function()\ndef only(e, c):\n    pass\n");
        Files.createDirectories(project.resolve("chalicelib"));
        Files.writeString(project.resolve("chalicelib/extra.py"), "from chalice import Blueprint\nbp = Blueprint(__name__)\n"
                + "@bp.lambda_function()\ndef hidden(e, c):\n    pass\n");
        assertThat(ChaliceAppScanner.scan(project).functions()).extracting(ChaliceFunction::resourceName).containsExactly("only");
    }

    @Test
    void unreadableAppPyIsReportedNotThrown() throws Exception {
        for (List<String> source : List.of(
                List.of("from chalice import Chalice", "app = Chalice(app_name='a'", "@app.route('/')", "def x():", "  pass"),
                List.of("from chalice import Chalice", "app = Chalice(app_name='a')", "s = 'never closed", ""),
                List.of("from chalice import Chalice", "app = Chalice(app_name='a')", "@app.route('/')", "x = 1", ""),
                List.of("print('no app here')"))) {
            Files.writeString(project.resolve("app.py"), String.join("\n", source));
            ChaliceAppScanner.Result r = ChaliceAppScanner.scan(project);
            assertThat(r.readable()).as(String.join("\\n", source)).isFalse();
            assertThat(r.problem()).contains("app.py");
        }
        Files.write(project.resolve("app.py"), new byte[] {(byte) 0xff, (byte) 0xfe, 0x41});
        assertThat(ChaliceAppScanner.scan(project).problem()).contains("not UTF-8");
    }
}
