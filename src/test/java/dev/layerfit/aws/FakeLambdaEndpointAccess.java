package dev.layerfit.aws;

import java.io.IOException;
import java.net.URI;

/** Opens {@link FakeLambdaEndpoint}s for tests in other packages. */
public final class FakeLambdaEndpointAccess {

    /** A running fake endpoint. */
    public interface Endpoint extends AutoCloseable {
        URI uri();

        int requests();

        @Override
        void close();
    }

    public Endpoint accessDenied() throws IOException {
        return wrap(new FakeLambdaEndpoint(403, "AccessDeniedException",
                "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: lambda:ListLayerVersions"));
    }

    public Endpoint throttling() throws IOException {
        return wrap(new FakeLambdaEndpoint(429, "TooManyRequestsException", "Rate exceeded"));
    }

    private static Endpoint wrap(FakeLambdaEndpoint e) {
        return new Endpoint() {
            @Override
            public URI uri() {
                return e.uri();
            }

            @Override
            public int requests() {
                return e.requests.get();
            }

            @Override
            public void close() {
                e.close();
            }
        };
    }
}
