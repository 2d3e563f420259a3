package de.stadtportal.identity.signin.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The sign-in pages speak German, or English when {@code ?lang=en} chose it (remembered in a cookie,
 * so a failed sign-in comes back in the same language) or the browser prefers it over German.
 */
@Configuration(proxyBeanMethods = false)
class LanguageConfiguration implements WebMvcConfigurer {

    private static final List<Locale> SPOKEN = List.of(Locale.GERMAN, Locale.ENGLISH);

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("stadtportal-lang");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(request -> {
            String accepted = request.getHeader("Accept-Language");
            if (accepted == null || accepted.isBlank()) {
                return Locale.GERMAN;
            }
            try {
                Locale chosen = Locale.lookup(Locale.LanguageRange.parse(accepted), SPOKEN);
                return chosen == null ? Locale.GERMAN : chosen;
            } catch (IllegalArgumentException unreadable) {
                return Locale.GERMAN;
            }
        });
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor lang = new LocaleChangeInterceptor();
        lang.setParamName("lang");
        lang.setIgnoreInvalidLocale(true);
        registry.addInterceptor(lang).addPathPatterns("/login");
    }
}
