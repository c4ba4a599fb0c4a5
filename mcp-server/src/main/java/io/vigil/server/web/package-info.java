/**
 * The web dashboard of {@code vigil serve}: static pages (plain ES modules and a small SVG chart
 * helper, all inside the jar, under {@code /dashboard/}) that read the REST API with the signed-in
 * person's token, plus the few endpoints the existing API cannot answer: who the token is ({@code
 * /api/v1/me}) and the simulation runs saved in the data directory ({@code /api/v1/simulations}).
 */
package io.vigil.server.web;
