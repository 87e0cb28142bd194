package org.retrovue.persistence.entity;

import org.eclipse.persistence.security.Securable;

/**
 * The database password as the operator gave it. EclipseLink's default "encryptor" first tries to decrypt the
 * password it is given, taking any hex string of 32 characters or more for one of its own ciphertexts, and fails
 * the whole persistence unit when it is not ({@code openssl rand -hex 16} makes such passwords): RetroVue never
 * hands it an encrypted password, so nothing is decrypted. (It lives in this package because EclipseLink makes it
 * by name, reflectively, as it makes the entities: the package is opened to it, and not exported.)
 */
public final class PlainPassword implements Securable {
    public PlainPassword() {}

    @Override
    public String encryptPassword(String password) {
        return password;
    }

    @Override
    public String decryptPassword(String password) {
        return password;
    }
}
