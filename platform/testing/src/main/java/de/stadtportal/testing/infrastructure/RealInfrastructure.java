package de.stadtportal.testing.infrastructure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ContextConfiguration;

/**
 * Gives a Spring test context the JVM's real PostgreSQL (a fresh database of its own) and the real
 * Kafka broker, and makes the services accept tokens from {@link de.stadtportal.testing.security.Tokens}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
public @interface RealInfrastructure {
}
