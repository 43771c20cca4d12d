package com.storemetrics.appstore;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Apple's report files (gzip of UTF-8 text), unpacked through a cap so a gzip bomb stops early; a
 * damaged or cut gzip stream is an {@link UnreadableAnswer}.
 */
final class GzipReports {

    private GzipReports() {}

    /** Gunzips and parses; stops with an error once the text exceeds {@code maxUncompressedBytes}. */
    static <T> T parse(byte[] gzip, long maxUncompressedBytes, Function<Reader, T> parser) {
        try (InputStream text =
                new CappedInputStream(new GZIPInputStream(new ByteArrayInputStream(gzip)), maxUncompressedBytes)) {
            return parser.apply(new InputStreamReader(text, StandardCharsets.UTF_8));
        } catch (ZipException | EOFException e) {
            throw new UnreadableAnswer("the report is not valid gzip: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UnreadableAnswer("the report could not be unpacked: " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ZipException || cause instanceof EOFException) {
                throw new UnreadableAnswer("the report is not valid gzip (cut short?): " + cause.getMessage(), e);
            }
            throw new UnreadableAnswer("the report could not be unpacked: " + cause.getMessage(), e);
        }
    }

    /** Fails once more than {@code limit} bytes were read. */
    static final class CappedInputStream extends FilterInputStream {
        private final long limit;
        private long read;

        CappedInputStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > limit) {
                throw new IOException("the unpacked report is larger than " + limit + " bytes");
            }
        }
    }
}
