package de.stadtportal.identity.key.web;

import de.stadtportal.identity.key.application.KeyService;
import de.stadtportal.identity.web.Callers;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lets an administrator rotate the signing key at once (after a suspected leak) and see the keys' lives. */
@RestController
@RequestMapping("/api/identity/keys")
class KeyRotationController {

    private final KeyService keys;

    KeyRotationController(KeyService keys) {
        this.keys = keys;
    }

    @GetMapping
    List<KeyView> list() {
        return keys.list(Callers.current()).stream().map(KeyView::of).toList();
    }

    @PostMapping("/rotation")
    KeyView rotate() {
        return KeyView.of(keys.rotate(Callers.current()));
    }
}
