/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.release;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.SecureRandom;
import java.util.Date;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openpgp.PGPEncryptedData;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.jcajce.JcaPGPObjectFactory;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentVerifierBuilderProvider;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPDigestCalculatorProviderBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPKeyPair;
import org.bouncycastle.openpgp.operator.jcajce.JcePBESecretKeyEncryptorBuilder;

/**
 * An OpenPGP signing key made for one release rehearsal and thrown away with it: the rehearsal hands its armoured
 * secret key to the build the way a release pipeline hands a real one (MAVEN_GPG_KEY), and checks the bundle's
 * signatures with its public key. Nothing of it is ever written to the repository.
 */
final class ThrowawaySigningKey {

    private static final Provider BC = new BouncyCastleProvider();

    private final PGPPublicKey publicKey;
    private final PGPPrivateKey privateKey;
    private final String armoredSecretKey;
    private final String passphrase;

    private ThrowawaySigningKey(PGPKeyPair pair, String armoredSecretKey, String passphrase) {
        this.publicKey = pair.getPublicKey();
        this.privateKey = pair.getPrivateKey();
        this.armoredSecretKey = armoredSecretKey;
        this.passphrase = passphrase;
    }

    /** A new 2048-bit RSA key, its secret part protected by a random passphrase. */
    static ThrowawaySigningKey generate() {
        try {
            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA", BC);
            rsa.initialize(2048);
            PGPKeyPair pair = new JcaPGPKeyPair(PublicKeyPacket.VERSION_4, PGPPublicKey.RSA_GENERAL,
                    rsa.generateKeyPair(), new Date());
            PGPDigestCalculator sha1 = new JcaPGPDigestCalculatorProviderBuilder().build().get(HashAlgorithmTags.SHA1);
            String passphrase = Long.toHexString(new SecureRandom().nextLong());
            PGPKeyRingGenerator rings = new PGPKeyRingGenerator(PGPSignature.POSITIVE_CERTIFICATION, pair,
                    "PromptKit release rehearsal <rehearsal@promptkit.invalid>", sha1, null, null,
                    new JcaPGPContentSignerBuilder(pair.getPublicKey().getAlgorithm(), HashAlgorithmTags.SHA256)
                            .setProvider(BC),
                    new JcePBESecretKeyEncryptorBuilder(PGPEncryptedData.AES_256, sha1).setProvider(BC)
                            .build(passphrase.toCharArray()));
            ByteArrayOutputStream armored = new ByteArrayOutputStream();
            try (ArmoredOutputStream out = new ArmoredOutputStream(armored)) {
                rings.generateSecretKeyRing().encode(out);
            }
            return new ThrowawaySigningKey(pair, armored.toString(StandardCharsets.US_ASCII),
                    passphrase);
        }
        catch (GeneralSecurityException | PGPException ex) {
            throw new IllegalStateException("cannot make a signing key: " + ex.getMessage(), ex);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The secret key, ASCII-armoured, as MAVEN_GPG_KEY takes it. */
    String armoredSecretKey() {
        return armoredSecretKey;
    }

    /** The passphrase of the secret key, as MAVEN_GPG_PASSPHRASE takes it. */
    String passphrase() {
        return passphrase;
    }

    /** The key's id, as gpg prints it. */
    String keyId() {
        return Long.toHexString(publicKey.getKeyID()).toUpperCase();
    }

    /** An armoured detached signature of {@code data}, as {@code gpg --armor --detach-sign} makes one. */
    byte[] sign(byte[] data) {
        try {
            PGPSignatureGenerator generator = new PGPSignatureGenerator(
                    new JcaPGPContentSignerBuilder(publicKey.getAlgorithm(), HashAlgorithmTags.SHA256).setProvider(BC),
                    publicKey);
            generator.init(PGPSignature.BINARY_DOCUMENT, privateKey);
            generator.update(data);
            ByteArrayOutputStream armored = new ByteArrayOutputStream();
            try (ArmoredOutputStream out = new ArmoredOutputStream(armored)) {
                generator.generate().encode(out);
            }
            return armored.toByteArray();
        }
        catch (PGPException ex) {
            throw new IllegalStateException("cannot sign: " + ex.getMessage(), ex);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Whether {@code signature} (armoured or binary) is a valid signature of {@code data} by this key. */
    boolean signed(byte[] data, byte[] signature) {
        try {
            Object read = new JcaPGPObjectFactory(PGPUtil.getDecoderStream(new ByteArrayInputStream(signature)))
                    .nextObject();
            if (!(read instanceof PGPSignatureList signatures) || signatures.isEmpty()) {
                return false;
            }
            PGPSignature first = signatures.get(0);
            if (first.getKeyID() != publicKey.getKeyID()) {
                return false;
            }
            first.init(new JcaPGPContentVerifierBuilderProvider().setProvider(BC), publicKey);
            first.update(data);
            return first.verify();
        }
        catch (IOException | PGPException | RuntimeException unreadable) {
            return false;
        }
    }
}
