/**
 * Spreading the gateway's calls over the instances of each service: the routes ({@code lb://content-service})
 * and the home aggregate's calls name a service, and Spring Cloud LoadBalancer picks one of its
 * instances in turn from the static list an operator configures ({@code CONTENT_URI=http://a:8081,http://b:8181}).
 * A retried read goes to another instance than the one that just failed; one instance, the default,
 * is the single address it always was.
 */
package de.stadtportal.gateway.balancing;
