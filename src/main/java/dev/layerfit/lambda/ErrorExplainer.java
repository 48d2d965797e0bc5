package dev.layerfit.lambda;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the AWS Lambda size, layer and storage errors in any surrounding text (boto3/botocore, AWS CLI,
 * Chalice, SDK for Java) and explains them with their numbers. The wordings and their history are in
 * lambda-facts.md; the patterns are case-insensitive and accept numbers written with thousands separators.
 */
public final class ErrorExplainer {

    private static final long TOTAL = Quota.UNZIPPED_FUNCTION_AND_LAYERS.value();
    private static final String N = "(\\d[\\d,]*)";
    /**
     * The separator between two words of a wording: tools re-wrap AWS's text — Chalice at 79 columns
     * ({@code textwrap.wrap} in ChaliceDeploymentError), SAM's event table inside its status-reason column, Terraform
     * inside its {@code │ } diagnostic box — so any run of white space (and box bars) stands for one space.
     */
    private static final String GAP = "[\\s\u2502]+";
    /** boto3 / the AWS CLI ("when calling the X operation") and Terraform's SDK v2 ("operation error Lambda: X"). */
    private static final Pattern OPERATION = pattern("when calling the (\\w+) operation|operation error Lambda: (\\w+)");

    private static final String CHECK = "Run `layerfit check` in the project to see what the function and each layer take "
            + "unzipped and which packages are in more than one of them (paid twice).";
    private static final String AUTOMATIC_LAYER = "If this is a Chalice app with `automatic_layer` on and manual `layers` too, "
            + "packages in both are counted twice: set `automatic_layer` to false (or drop those requirements) so each "
            + "package is shipped once.";
    private static final String SLIM = "Build slimmer layers with `layerfit build` (it leaves out __pycache__, tests and "
            + "other files not needed at run time) and merge overlapping layers into one.";
    private static final String CONTAINER = "If it cannot fit under 262,144,000 bytes (250 MiB) unzipped, deploy the function "
            + "as a container image instead (up to 10 GiB, no layers).";
    private static final String S3 = "Upload the zip through S3 (S3Bucket/S3Key in the same region), which has no zipped "
            + "cap: e.g. `layerfit publish LAYER.zip --name NAME --s3-bucket BUCKET` for a layer.";

    private record Recognizer(AwsError error, Pattern pattern, BiFunction<Matcher, String, Explanation> explain) {
    }

    private static final List<Recognizer> RECOGNIZERS = List.of(
            new Recognizer(AwsError.ZIPPED_SIZE_TOO_LARGE, pattern("\\bZipped size must be smaller than " + N + " bytes"),
                    ErrorExplainer::zipped),
            new Recognizer(AwsError.REQUEST_TOO_LARGE,
                    pattern("Request must be smaller than " + N + " bytes for the (\\w+) operation"), ErrorExplainer::request),
            new Recognizer(AwsError.UNZIPPED_ARTIFACT_TOO_LARGE, pattern("Unzipped size must be smaller than " + N + " bytes"),
                    ErrorExplainer::unzipped),
            new Recognizer(AwsError.LAYERS_CONSUME_TOO_MUCH,
                    pattern("Layers consume more than the available size of " + N + " bytes"), ErrorExplainer::layersConsume),
            new Recognizer(AwsError.COMBINED_SIZE_EXCEEDED,
                    pattern("Function code combined with layers exceeds the maximum allowed size of " + N
                            + " bytes(?:\\.?\\s*The actual size is " + N + " bytes)?"), ErrorExplainer::combined),
            new Recognizer(AwsError.CODE_UNCOMPRESSED_TOO_LARGE,
                    pattern("Code uncompressed size is greater than max allowed size of " + N), ErrorExplainer::oldWording),
            new Recognizer(AwsError.TOO_MANY_LAYERS, pattern("Cannot reference more than " + N + " layers"),
                    ErrorExplainer::tooManyLayers),
            new Recognizer(AwsError.NOT_A_ZIP, pattern("Could not unzip uploaded file"), ErrorExplainer::notAZip),
            new Recognizer(AwsError.CODE_STORAGE_EXCEEDED,
                    pattern("CodeStorageExceededException|Code storage limit exceeded"), ErrorExplainer::storage),
            // Chalice's own words, when no AWS wording is in the text (a connection Lambda closed mid-upload)
            new Recognizer(AwsError.DEPLOYMENT_PACKAGE_TOO_LARGE,
                    pattern("(?:deployment package is ([\\d.]+) MB\\. )?Lambda only allows deployment packages that are "
                            + "([\\d.]+) MB or less|DeploymentPackageTooLargeError"), ErrorExplainer::chalicePackage),
            // Last: a bare 413 (the AWS SDK for Java v2 does not model it, so it arrives as a LambdaException).
            new Recognizer(AwsError.REQUEST_ENTITY_TOO_LARGE,
                    pattern("RequestEntityTooLargeException|Status Code: 413|\\b413 Request Entity Too Large"),
                    ErrorExplainer::entityTooLarge));

    private ErrorExplainer() {
    }

    private static Pattern pattern(String regex) {
        return Pattern.compile(regex.replace(" ", GAP), Pattern.CASE_INSENSITIVE);
    }

    /** Every error this explainer recognises. */
    public static List<AwsError> known() {
        return List.of(AwsError.values());
    }

    /**
     * Explains the first known AWS error in {@code text} (the recognisers are tried in order, so a specific message
     * wins over a bare 413); empty when none is there.
     */
    public static Optional<Explanation> explain(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher op = OPERATION.matcher(text);
        String operation = op.find() ? (op.group(1) != null ? op.group(1) : op.group(2)) : null;
        for (Recognizer r : RECOGNIZERS) {
            Matcher m = r.pattern.matcher(text);
            if (m.find()) {
                return Optional.of(r.explain.apply(m, operation));
            }
        }
        return Optional.empty();
    }

    private static long number(Matcher m, int group) {
        String digits = m.group(group).replace(",", "");
        // a number past 2^63 - 1 is no real size; it is shown as the largest one rather than crashing the parse
        return digits.length() > 18 && new java.math.BigInteger(digits).bitLength() > 63 ? Long.MAX_VALUE : Long.parseLong(digits);
    }

    private static String bytes(long n) {
        return ByteSizeFormat.describe(n);
    }

    private static Explanation zipped(Matcher m, String operation) {
        long limit = number(m, 1);
        return new Explanation(AwsError.ZIPPED_SIZE_TOO_LARGE, m.group(), Map.of("limitBytes", limit), operation,
                "A zip sent inside the API request (the ZipFile parameter, the console, or a Chalice deploy) must be at most "
                        + bytes(limit) + " zipped, and this one was bigger (HTTP 413). This is about the upload, not about "
                        + "the unzipped limit: the same zip can be deployed through S3.",
                List.of(S3,
                        "Chalice always uploads its managed layer and the function directly; if the managed layer is the big one, "
                                + "set `automatic_layer` to false and publish the dependencies as a layer through S3.",
                        SLIM, CHECK));
    }

    private static Explanation request(Matcher m, String operation) {
        long limit = number(m, 1);
        String op = m.group(2);
        return new Explanation(AwsError.REQUEST_TOO_LARGE, m.group(), Map.of("limitBytes", limit), op,
                "The " + op + " request body was over " + bytes(limit) + ". A zip sent inline travels base64-encoded, "
                        + "about 4/3 of its size, so this means the zip was over about 50 MiB ("
                        + bytes(Quota.DIRECT_UPLOAD_ZIPPED.value()) + "); before ~2023 the limit read 69905067 bytes.",
                List.of(S3, SLIM, CHECK));
    }

    private static Explanation unzipped(Matcher m, String operation) {
        long limit = number(m, 1);
        if (limit >= TOTAL) {
            Map<String, Long> numbers = new LinkedHashMap<>();
            numbers.put("limitBytes", limit);
            return new Explanation(AwsError.UNZIPPED_ARTIFACT_TOO_LARGE, m.group(), numbers, operation,
                    "One artifact alone, the function's zip or a single layer, unzips to " + bytes(limit) + " or more: the "
                            + "whole limit for the function and all its layers together. Whatever else is attached, it cannot "
                            + "be deployed as it is; moving packages into layers does not help, because layers count too.",
                    List.of("Run `layerfit analyze ZIP` on the artifact to see which packages and files take the space.",
                            SLIM, AUTOMATIC_LAYER, CONTAINER));
        }
        long layers = TOTAL - limit;
        Map<String, Long> numbers = new LinkedHashMap<>();
        numbers.put("limitBytes", limit);
        numbers.put("layersBytes", layers);
        numbers.put("totalLimitBytes", TOTAL);
        return new Explanation(AwsError.FUNCTION_TOO_LARGE_FOR_LAYERS, m.group(), numbers, operation,
                "The layers attached to this function already use " + bytes(layers) + " of the " + bytes(TOTAL)
                        + " unzipped limit (262,144,000 − " + ByteSizeFormat.grouped(limit) + "), so the function code "
                        + "itself must unzip to under " + bytes(limit) + "; this function's code is bigger.",
                List.of(CHECK,
                        "Keep packages in one place: if the function zip bundles packages a layer already provides, drop them "
                                + "from the function (or from the layer).",
                        AUTOMATIC_LAYER, SLIM, CONTAINER));
    }

    private static Explanation layersConsume(Matcher m, String operation) {
        long limit = number(m, 1);
        return new Explanation(AwsError.LAYERS_CONSUME_TOO_MUCH, m.group(), Map.of("limitBytes", limit), operation,
                "The layers in the function's configuration, with the function code, unzip to more than " + bytes(limit)
                        + ". Lambda checks this when the layer list is set (CreateFunction, UpdateFunctionConfiguration; "
                        + "Chalice sets it after uploading the code), so the new layer list does not fit.",
                List.of(CHECK, AUTOMATIC_LAYER, SLIM,
                        "Remember that UpdateFunctionConfiguration --layers replaces the whole list: merge layers rather than "
                                + "adding one more.",
                        CONTAINER));
    }

    private static Explanation combined(Matcher m, String operation) {
        long limit = number(m, 1);
        Map<String, Long> numbers = new LinkedHashMap<>();
        numbers.put("limitBytes", limit);
        String actual = "";
        if (m.group(2) != null) {
            long size = number(m, 2);
            numbers.put("actualBytes", size);
            numbers.put("overByBytes", size - limit);
            actual = " They come to " + bytes(size) + ", " + bytes(size - limit) + " too many.";
        }
        return new Explanation(AwsError.COMBINED_SIZE_EXCEEDED, m.group(), numbers, operation,
                "The function code and all its layers together must unzip to less than " + bytes(limit) + "." + actual,
                List.of(CHECK, AUTOMATIC_LAYER, SLIM, CONTAINER));
    }

    private static Explanation oldWording(Matcher m, String operation) {
        long limit = number(m, 1);
        return new Explanation(AwsError.CODE_UNCOMPRESSED_TOO_LARGE, m.group(), Map.of("limitBytes", limit), operation,
                "An older wording of the unzipped limit: the code (with its layers) unzips to more than " + bytes(limit) + ".",
                List.of(CHECK, AUTOMATIC_LAYER, SLIM, CONTAINER));
    }

    private static Explanation tooManyLayers(Matcher m, String operation) {
        long max = number(m, 1);
        return new Explanation(AwsError.TOO_MANY_LAYERS, m.group(), Map.of("maxLayers", max), operation,
                "A function may reference at most " + max + " layers and this configuration lists more. With Chalice, "
                        + "the managed layer (`automatic_layer`) counts as one of them.",
                List.of(CHECK,
                        "Merge layers: build one layer from the combined requirements with `layerfit build` instead of one "
                                + "layer per package.",
                        AUTOMATIC_LAYER,
                        "UpdateFunctionConfiguration --layers replaces the whole list, so list only the layers you keep."));
    }

    private static Explanation notAZip(Matcher m, String operation) {
        return new Explanation(AwsError.NOT_A_ZIP, m.group(), Map.of(), operation,
                "Lambda could not read the uploaded file as a zip archive: it is not a zip, it is truncated, or the S3 "
                        + "key points at a different object.",
                List.of("Check the file with `layerfit analyze FILE`; it reads the zip's central directory as Lambda does.",
                        "Build the layer zip with `layerfit build`, which writes a plain, deterministic zip.",
                        "If uploading from S3, check that the bucket/key (and object version) is the zip you built."));
    }

    private static Explanation storage(Matcher m, String operation) {
        return new Explanation(AwsError.CODE_STORAGE_EXCEEDED, m.group(),
                Map.of("defaultLimitBytes", Quota.CODE_STORAGE.value()), operation,
                "The region's code storage is full: every version of every function and layer counts, zipped, against a "
                        + "default of 75 GB (" + ByteSizeFormat.grouped(Quota.CODE_STORAGE.value()) + " bytes). Chalice "
                        + "publishes a new managed-layer version on every deploy, so old versions pile up.",
                List.of("Delete old layer versions: `layerfit layers prune --name NAME --keep N`.",
                        "Delete old function versions that no alias uses.",
                        "See the live limit and usage with `aws lambda get-account-settings` (TotalCodeSize), and ask for a "
                                + "quota increase if you need more."));
    }

    private static Explanation chalicePackage(Matcher m, String operation) {
        Map<String, Long> numbers = new LinkedHashMap<>();
        // Chalice prints '%.1f MB' of bytes / 1024**2; its limit, MAX_LAMBDA_DEPLOYMENT_SIZE, is 50 * 1024**2 bytes
        long limit = m.group(2) == null ? Quota.DIRECT_UPLOAD_ZIPPED.value() : Math.round(Double.parseDouble(m.group(2)) * 1024 * 1024);
        numbers.put("limitBytes", limit);
        String size = "";
        if (m.group(1) != null) {
            long approx = Math.round(Double.parseDouble(m.group(1)) * 1024 * 1024);
            numbers.put("approxPackageBytes", approx);
            size = " This one is about " + bytes(approx) + " zipped.";
        }
        return new Explanation(AwsError.DEPLOYMENT_PACKAGE_TOO_LARGE, m.group(), numbers, operation,
                "Chalice uploads the function's zip and its managed layer inside the API request, which Lambda caps at "
                        + bytes(Quota.DIRECT_UPLOAD_ZIPPED.value()) + " zipped; Lambda closed the connection or refused "
                        + "the request, and Chalice reported the package as too large." + size,
                List.of("Chalice always uploads its managed layer and the function directly; if the managed layer is the big "
                                + "one, set `automatic_layer` to false and publish the dependencies as a layer through S3: "
                                + "e.g. `layerfit publish LAYER.zip --name NAME --s3-bucket BUCKET`.",
                        SLIM, CHECK));
    }

    private static Explanation entityTooLarge(Matcher m, String operation) {
        List<String> actions = new ArrayList<>();
        actions.add(S3);
        actions.add(SLIM);
        actions.add(CHECK);
        return new Explanation(AwsError.REQUEST_ENTITY_TOO_LARGE, m.group(), Map.of(), operation,
                "HTTP 413: the request was too large. For Lambda that is a zip sent inline over "
                        + bytes(Quota.DIRECT_UPLOAD_ZIPPED.value()) + " zipped, or a request body over "
                        + bytes(Quota.INLINE_REQUEST_BODY.value()) + ". (The AWS SDK for Java v2 reports it as a "
                        + "LambdaException with status code 413.)",
                actions);
    }
}
