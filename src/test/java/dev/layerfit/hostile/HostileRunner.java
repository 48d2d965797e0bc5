package dev.layerfit.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.layerfit.cli.Main;
import java.io.FileInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs many hostile cases in one JVM (started by {@link HostileInputSuiteTest} with {@code -Xmx256m}): for each case,
 * the CLI in-process with its own cache folder and standard input, a hard time limit, and a record of exit code,
 * output and time. Arguments: the cases file (JSON array) and the results file to write.
 */
public final class HostileRunner {

    /** A case that runs longer than this is recorded as hung and the batch stops. */
    static final long HARD_LIMIT_SECONDS = 90;

    private HostileRunner() {
    }

    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode cases = json.readTree(Path.of(args[0]).toFile());
        ArrayNode results = json.createArrayNode();
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "hostile-case");
            t.setDaemon(true);
            return t;
        });
        InputStream originalIn = System.in;
        for (JsonNode c : cases) {
            List<String> argv = new ArrayList<>();
            c.path("args").forEach(a -> argv.add(a.asText()));
            System.setProperty("layerfit.cache.dir", c.path("cache").asText());
            InputStream in = c.hasNonNull("stdin") ? new FileInputStream(c.get("stdin").asText()) : originalIn;
            System.setIn(in);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            long start = System.nanoTime();
            Future<Integer> run = pool.submit(() -> Main.run(argv.toArray(String[]::new), new PrintWriter(out, true),
                    new PrintWriter(err, true)));
            ObjectNode r = results.addObject();
            r.put("id", c.path("id").asText());
            boolean hung = false;
            try {
                r.put("exit", run.get(HARD_LIMIT_SECONDS, TimeUnit.SECONDS));
            } catch (TimeoutException e) {
                r.put("exit", -1);
                r.put("hung", true);
                hung = true;
            } catch (java.util.concurrent.ExecutionException e) {
                r.put("exit", -2);
                StringWriter trace = new StringWriter();
                e.getCause().printStackTrace(new PrintWriter(trace));
                err.write(trace.toString());
            }
            r.put("millis", (System.nanoTime() - start) / 1_000_000);
            r.put("out", cap(out.toString()));
            r.put("err", cap(err.toString()));
            if (in != originalIn) {
                in.close();
            }
            if (hung) {
                break; // the hung case's thread still runs; the rest of the batch would be disturbed
            }
        }
        Files.writeString(Path.of(args[1]), json.writeValueAsString(results));
        System.exit(0);
    }

    /** Output kept for the assertions: the first 64 KiB and the length of the rest. */
    private static String cap(String s) {
        return s.length() <= 65_536 ? s : s.substring(0, 65_536) + "\n[" + (s.length() - 65_536) + " more characters]";
    }
}
