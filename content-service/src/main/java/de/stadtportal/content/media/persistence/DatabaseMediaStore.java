package de.stadtportal.content.media.persistence;

import de.stadtportal.content.media.application.MediaStore;
import de.stadtportal.content.media.domain.RenditionFormat;
import java.nio.ByteBuffer;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The {@link MediaStore} of this installation: {@code bytea} columns in the content database. An
 * image library of a city portal is thousands of images, not millions, and in the database its
 * bytes are backed up, replicated and committed with their metadata, with no second system to run.
 */
@Component
class DatabaseMediaStore implements MediaStore {

    private static final String PUT = """
            INSERT INTO media_object (sha256, bytes, size) VALUES (:sha256, :bytes, :size)
            ON CONFLICT (sha256) DO NOTHING
            """;

    private static final String ORIGINAL = "SELECT bytes FROM media_object WHERE sha256 = :sha256";

    private static final String RENDITION = """
            SELECT bytes FROM media_rendition WHERE sha256 = :sha256 AND width = :width AND format = :format
            """;

    private static final String PUT_RENDITION = """
            INSERT INTO media_rendition (sha256, width, format, bytes) VALUES (:sha256, :width, :format, :bytes)
            ON CONFLICT (sha256, width, format) DO NOTHING
            """;

    /** The renditions go with the object ({@code ON DELETE CASCADE}). */
    private static final String FORGET = """
            DELETE FROM media_object o WHERE o.sha256 = :sha256
              AND NOT EXISTS (SELECT 1 FROM media m WHERE m.sha256 = o.sha256)
            """;

    private final DatabaseClient database;

    DatabaseMediaStore(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Void> put(String sha256, byte[] bytes) {
        return database.sql(PUT).bind("sha256", sha256).bind("bytes", ByteBuffer.wrap(bytes))
                .bind("size", bytes.length).then();
    }

    @Override
    public Mono<byte[]> original(String sha256) {
        return database.sql(ORIGINAL).bind("sha256", sha256).map(row -> bytes(row.get("bytes", ByteBuffer.class)))
                .one();
    }

    @Override
    public Mono<byte[]> rendition(String sha256, int width, RenditionFormat format) {
        return database.sql(RENDITION).bind("sha256", sha256).bind("width", width).bind("format", format.extension())
                .map(row -> bytes(row.get("bytes", ByteBuffer.class))).one();
    }

    @Override
    public Mono<Void> putRendition(String sha256, int width, RenditionFormat format, byte[] bytes) {
        return database.sql(PUT_RENDITION).bind("sha256", sha256).bind("width", width)
                .bind("format", format.extension()).bind("bytes", ByteBuffer.wrap(bytes)).then();
    }

    @Override
    public Mono<Void> forgetIfUnused(String sha256) {
        return database.sql(FORGET).bind("sha256", sha256).then();
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
