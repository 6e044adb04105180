package io.onair.portal.rest.dto;

/** What a failed API call answers: a message a script can log and a person can act on. */
public record ErrorDto(int status, String error) {}
