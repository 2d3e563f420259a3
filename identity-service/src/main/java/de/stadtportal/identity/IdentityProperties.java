package de.stadtportal.identity;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What this provider promises the services that trust it ({@code issuer}, {@code audience}), what the
 * machine clients' tokens say about them, how signing keys age, and how hard failed sign-ins slow down.
 * The clients themselves are Boot's {@code spring.security.oauth2.authorizationserver.client.*}.
 *
 * @param issuer         the {@code iss} of every token and the base of the discovery document
 * @param audience       the {@code aud} of every access token
 * @param machineClients roles and cities of the tokens a client-credentials client gets, by client id
 * @param keys           signing key rotation
 * @param signIn         back-off after failed sign-ins
 * @param seed           the accounts created at the first start
 */
@ConfigurationProperties("stadtportal.identity")
public record IdentityProperties(
        String issuer,
        @DefaultValue("stadtportal") String audience,
        Map<String, MachineClient> machineClients,
        @DefaultValue Keys keys,
        @DefaultValue SignIn signIn,
        @DefaultValue Seed seed) {

    public IdentityProperties {
        machineClients = machineClients == null ? Map.of() : Map.copyOf(machineClients);
    }

    /** The roles and cities a machine client's tokens carry, as a person's would. */
    public record MachineClient(@DefaultValue List<String> roles, @DefaultValue List<String> cities) {
    }

    /**
     * @param rotateAfter    a signing key older than this is replaced by the rotation job
     * @param tokenLifetime  the longest lifetime of a token this provider signs: a retired key stays
     *                       published this long (plus {@code clockSkew}) so its tokens still verify
     * @param clockSkew      the leeway verifiers give
     * @param checkInterval  how often the job looks at the keys
     * @param password       encrypts the keys' private parts in the database
     * @param salt           hex salt for that encryption
     */
    public record Keys(
            @DefaultValue("30d") Duration rotateAfter,
            @DefaultValue("1h") Duration tokenLifetime,
            @DefaultValue("60s") Duration clockSkew,
            @DefaultValue("1h") Duration checkInterval,
            @DefaultValue("stadtportal-dev-only") String password,
            @DefaultValue("5c0744940b5c369b") String salt) {
    }

    /**
     * @param freeFailuresPerUser    failures of one user name before sign-ins for it slow down
     * @param freeFailuresPerAddress failures from one address before sign-ins from it slow down
     * @param firstBlock             the wait after the first failure over the limit; each further one doubles it
     * @param longestBlock           the longest wait
     */
    public record SignIn(
            @DefaultValue("5") int freeFailuresPerUser,
            @DefaultValue("20") int freeFailuresPerAddress,
            @DefaultValue("1m") Duration firstBlock,
            @DefaultValue("1h") Duration longestBlock) {
    }

    /**
     * The accounts made when they do not exist yet: {@code admin} and one editor {@code redaktion-<city>}
     * per city. A password left empty is generated and written to the log once, at that first start.
     *
     * @param enabled        whether to seed at all
     * @param adminPassword  {@code STADTPORTAL_ADMIN_PASSWORD}
     * @param editorPassword {@code STADTPORTAL_EDITOR_PASSWORD}, for every editor
     * @param cities         the demo cities that get an editor
     */
    public record Seed(@DefaultValue("true") boolean enabled, String adminPassword, String editorPassword,
            @DefaultValue List<String> cities) {
    }
}
