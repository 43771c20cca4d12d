package com.storemetrics.security;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLSession;

/**
 * A cookie-keeping HTTP client that signs in through the login form, as a browser would. Made
 * with {@link #from}, it connects from another loopback address (127.0.0.2, ...), so a test has
 * several client addresses on one machine (Java 17's HttpClient cannot choose its local address,
 * so those requests are plain HTTP/1.1 over a socket bound to it, one request per connection).
 */
public final class WebClient {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final CookieManager cookies = new CookieManager();
    final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final int port;
    private final String localAddress;
    private final Map<String, String> extraHeaders = new LinkedHashMap<>();

    public WebClient(int port) {
        this(port, null);
    }

    private WebClient(int port, String localAddress) {
        this.port = port;
        this.localAddress = localAddress;
    }

    /** A client whose connections come from {@code localAddress} (a loopback address such as 127.0.0.2). */
    public static WebClient from(int port, String localAddress) {
        return new WebClient(port, localAddress);
    }

    /** Sends this header with every request from now on (X-Forwarded-For, ...). */
    public WebClient withHeader(String name, String value) {
        extraHeaders.put(name, value);
        return this;
    }

    public URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    public HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, Map.of(), null);
    }

    /** The CSRF token the login page carries for the login form. */
    public String csrfToken() throws Exception {
        Matcher matcher = CSRF.matcher(get("/login").body());
        if (!matcher.find()) {
            throw new AssertionError("The login page carries no CSRF token");
        }
        return matcher.group(1);
    }

    /** POST /login with the form's fields; {@code csrf} null leaves the token out. Returns where it redirects. */
    public HttpResponse<String> postLogin(String username, String password, String csrf, String origin)
            throws Exception {
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + (csrf == null ? "" : "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        if (origin != null) {
            headers.put("Origin", origin);
        }
        return send("POST", "/login", headers, form);
    }

    /** Signs in with a fresh token; returns the redirect target. */
    public String signIn(String username, String password) throws Exception {
        return location(postLogin(username, password, csrfToken(), "http://localhost:" + port));
    }

    public static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("(status " + response.statusCode() + ")");
    }

    private HttpResponse<String> send(String method, String path, Map<String, String> headers, String body)
            throws Exception {
        Map<String, String> all = new LinkedHashMap<>(extraHeaders);
        all.putAll(headers);
        if (localAddress != null) {
            return overSocket(method, path, all, body);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path))
                .timeout(Duration.ofSeconds(60))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        all.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> overSocket(String method, String path, Map<String, String> headers, String body)
            throws Exception {
        URI uri = url(path);
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        // A Host among the headers replaces ours (what a client naming another site sends).
        String host = headers.getOrDefault("Host", "localhost:" + port);
        StringBuilder head =
                new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n");
        cookies.get(uri, Map.of())
                .forEach((name, values) -> values.forEach(
                        value -> head.append(name).append(": ").append(value).append("\r\n")));
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Host")) {
                head.append(name).append(": ").append(value).append("\r\n");
            }
        });
        if (body != null) {
            head.append("Content-Length: ").append(content.length).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(localAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = in.readAllBytes();
            int end = indexOf(answer, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String[] lines = new String(answer, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
            Map<String, List<String>> received = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                received.computeIfAbsent(lines[i].substring(0, colon).trim(), name -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).trim());
            }
            cookies.put(uri, received);
            byte[] rest = Arrays.copyOfRange(answer, end + 4, answer.length);
            boolean chunked =
                    received.getOrDefault("Transfer-Encoding", List.of()).contains("chunked");
            return new Answer(
                    Integer.parseInt(lines[0].split(" ")[1]),
                    HttpHeaders.of(received, (name, value) -> true),
                    new String(chunked ? unchunked(rest) : rest, StandardCharsets.UTF_8),
                    uri);
        }
    }

    /** A chunked body (RFC 9112 7.1) put back together; chunk extensions and trailers are ignored. */
    private static byte[] unchunked(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int lineEnd =
                    indexOf(Arrays.copyOfRange(body, at, body.length), "\r\n".getBytes(StandardCharsets.US_ASCII));
            String sizeLine = new String(body, at, lineEnd, StandardCharsets.US_ASCII).split(";")[0].trim();
            int size = Integer.parseInt(sizeLine, 16);
            at += lineEnd + 2;
            if (size == 0) {
                return out.toByteArray();
            }
            out.write(body, at, size);
            at += size + 2;
        }
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("An incomplete HTTP answer");
    }

    /** An answer read from a socket, as the JDK's client would hand it over. */
    private record Answer(int statusCode, HttpHeaders headers, String body, URI uri) implements HttpResponse<String> {
        @Override
        public HttpRequest request() {
            return HttpRequest.newBuilder(uri).build();
        }

        @Override
        public Optional<HttpResponse<String>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }
}
