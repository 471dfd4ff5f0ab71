package jp.expirynotices.expiry;

/** The two electronic certificates on a My Number Card. Declaration order is the manifest's alphabetical order. */
public enum CertificateKind {
    AUTH("利用者証明用電子証明書"),
    SIGN("署名用電子証明書");

    private final String japaneseName;

    CertificateKind(String japaneseName) {
        this.japaneseName = japaneseName;
    }

    public String japaneseName() {
        return japaneseName;
    }
}
