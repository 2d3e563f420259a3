package de.stadtportal.portal.desk.web;

import de.stadtportal.portal.desk.api.DeskApi;
import de.stadtportal.portal.desk.api.DeskCity;
import de.stadtportal.portal.desk.api.Editor;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import reactor.core.publisher.Mono;

/** {@code /redaktion}: the cities the signed-in editor may work on. */
@Controller
class DeskController {

    private final DeskApi api;

    DeskController(DeskApi api) {
        this.api = api;
    }

    @GetMapping({"/redaktion", "/redaktion/"})
    Mono<String> start(@AuthenticationPrincipal OidcUser user,
            @RegisteredOAuth2AuthorizedClient("stadtportal") OAuth2AuthorizedClient client, Model model) {
        Editor editor = Editor.of(user.getSubject(), client.getAccessToken().getTokenValue());
        return api.cities().map(answer -> {
            List<DeskCity> cities = answer.ok() ? answer.value().items().stream().filter(city -> editor.mayEdit(city.slug()))
                    .toList() : editor.cities().stream().map(slug -> new DeskCity(slug, slug)).toList();
            model.addAttribute("cities", cities);
            return "desk/start";
        });
    }

    @GetMapping("/redaktion/{city:[a-z0-9-]+}")
    String city(@PathVariable String city) {
        return "redirect:/redaktion/" + city + "/artikel";
    }
}
