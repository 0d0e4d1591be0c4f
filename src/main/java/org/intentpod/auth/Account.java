package org.intentpod.auth;

/** A registered account: its pod has the username's name, its WebID is in that pod's profile. */
public record Account(String username, AccountKind kind, String name, String webId, String passwordHash) {
}
