package com.storemetrics.notices;

import com.storemetrics.TestMailbox;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SMTP server that answers as a test scripts it, for what GreenMail does not do: refuse a
 * recipient (5xx, 4xx), say nothing at all, or break the connection after the message's data
 * without answering (the one moment the client cannot know whether the message was accepted).
 */
final class ScriptedSmtpServer implements AutoCloseable {

    /** What the server does at RCPT TO and after the data. */
    record Script(boolean greets, String rcptReply, String dataReply) {
        static Script silent() {
            return new Script(false, null, null);
        }

        static Script refusingRecipient(String reply) {
            return new Script(true, reply, null);
        }

        /** Takes the whole message, then drops the connection instead of answering. */
        static Script droppingAfterData() {
            return new Script(true, "250 OK", null);
        }
    }

    private final ServerSocket socket;
    private final Script script;
    final AtomicInteger messagesReceived = new AtomicInteger();
    private final Thread thread;

    ScriptedSmtpServer(Script script) {
        this.script = script;
        try {
            socket = new ServerSocket(TestMailbox.SMTP_PORT, 10, InetAddress.getByName("127.0.0.1"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        thread = new Thread(this::serve, "scripted-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                converse(client);
            } catch (IOException closed) {
                // The test closed the server, or the client hung up.
            }
        }
    }

    private void converse(Socket client) throws IOException {
        BufferedReader in =
                new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        OutputStream out = client.getOutputStream();
        if (!script.greets()) {
            // Accept the connection and say nothing until the client gives up.
            while (in.readLine() != null) {}
            return;
        }
        reply(out, "220 scripted ESMTP");
        String line;
        while ((line = in.readLine()) != null) {
            String command = line.toUpperCase();
            if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                reply(out, "250 scripted");
            } else if (command.startsWith("MAIL FROM")) {
                reply(out, "250 OK");
            } else if (command.startsWith("RCPT TO")) {
                reply(out, script.rcptReply());
            } else if (command.startsWith("DATA")) {
                reply(out, "354 End data with <CR><LF>.<CR><LF>");
                while ((line = in.readLine()) != null && !line.equals(".")) {}
                messagesReceived.incrementAndGet();
                if (script.dataReply() == null) {
                    return; // drops the connection: the client never hears whether it was accepted
                }
                reply(out, script.dataReply());
            } else if (command.startsWith("QUIT")) {
                reply(out, "221 Bye");
                return;
            } else {
                reply(out, "250 OK");
            }
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
