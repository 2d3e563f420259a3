package de.stadtportal.identity.signin.web;

import de.stadtportal.identity.signin.application.SignInThrottle;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns away a posted login while its user name or address is blocked, before the password is even
 * checked, and answers as a wrong password does ({@code /login?error}): a guesser learns nothing
 * about which names exist or whether a guess would have been right.
 */
public class LoginThrottleFilter extends OncePerRequestFilter {

    private final SignInThrottle throttle;

    public LoginThrottleFilter(SignInThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (throttle.waitUntil(request.getParameter("username"), request.getRemoteAddr()).isPresent()) {
            response.sendRedirect(request.getContextPath() + "/login?error");
            return;
        }
        chain.doFilter(request, response);
    }
}
