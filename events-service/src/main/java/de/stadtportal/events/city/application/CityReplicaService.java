package de.stadtportal.events.city.application;

import de.stadtportal.events.city.persistence.KnownCityRepository;
import de.stadtportal.messaging.consumer.AppliedVersions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Keeps the service's copy of the cities in step with content-service. The version check and the
 * write share one transaction, so a redelivered or older city event changes nothing and a removal is
 * not undone by a late snapshot. Asking content-service on every write instead would tie every write
 * to its availability.
 */
@Service
public class CityReplicaService implements AnnouncedCities {

    private final KnownCityRepository cities;
    private final AppliedVersions versions;
    private final TransactionalOperator transactions;

    CityReplicaService(KnownCityRepository cities, AppliedVersions versions, TransactionalOperator transactions) {
        this.cities = cities;
        this.versions = versions;
        this.transactions = transactions;
    }

    @Override
    public Mono<Void> requireAnnounced(String city, String field) {
        return cities.exists(city).flatMap(known -> known ? Mono.<Void>empty()
                : Mono.error(() -> AnnouncedCities.unknown(city, field)));
    }

    public Mono<Void> remember(RememberCity command) {
        return ifNewer(command.cityId(), command.version(), cities.remember(command.slug(), command.name()));
    }

    public Mono<Void> forget(ForgetCity command) {
        return ifNewer(command.slug(), command.version(), cities.forget(command.slug()));
    }

    private Mono<Void> ifNewer(String cityId, long version, Mono<Void> write) {
        return transactions.transactional(versions.advance("city", cityId, version)
                .filter(newer -> newer)
                .flatMap(newer -> write));
    }
}
