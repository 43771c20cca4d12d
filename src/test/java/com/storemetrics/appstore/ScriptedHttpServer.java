package com.storemetrics.appstore;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real HTTP server on loopback that answers from a script, for what the embedded sandbox cannot
 * do on purpose (an answer of many megabytes, a 401 that goes away with a fresh token) and to see
 * exactly what our clients send.
 */
final class ScriptedHttpServer implements AutoCloseable {

    /** What the server received. */
    record Received(String method, String pathAndQuery, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .findFirst()
                    .map(e -> e.getValue().get(0))
                    .orElse(null);
        }
    }

    /** How to answer one request. */
    interface Reply {
        void answer(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong bytesWritten = new AtomicLong();

    ScriptedHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            received.add(new Received(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().toString(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            Reply reply = script.poll();
            try {
                if (reply == null) {
                    send(exchange, 599, "text/plain", "no scripted reply".getBytes(StandardCharsets.UTF_8));
                } else {
                    reply.answer(exchange);
                }
            } catch (IOException clientWentAway) {
                // expected when the client stops reading
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    ScriptedHttpServer then(Reply reply) {
        script.add(reply);
        return this;
    }

    ScriptedHttpServer then(int status, String contentType, byte[] body, String... headerPairs) {
        return then(exchange -> {
            for (int i = 0; i + 1 < headerPairs.length; i += 2) {
                exchange.getResponseHeaders().add(headerPairs[i], headerPairs[i + 1]);
            }
            send(exchange, status, contentType, body);
        });
    }

    ScriptedHttpServer then(int status, String contentType, String body, String... headerPairs) {
        return then(status, contentType, body.getBytes(StandardCharsets.UTF_8), headerPairs);
    }

    /** Streams {@code total} bytes (chunked, or with Content-Length), counting what got out. */
    ScriptedHttpServer thenHuge(long total, boolean declareLength) {
        return then(exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, declareLength ? total : 0);
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) ' ');
            try (OutputStream out = exchange.getResponseBody()) {
                for (long sent = 0; sent < total; sent += chunk.length) {
                    out.write(chunk);
                    bytesWritten.addAndGet(chunk.length);
                }
            }
        });
    }

    List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    long bytesWritten() {
        return bytesWritten.get();
    }

    private void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().add("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
