package dev.layerfit.inventory;

import dev.layerfit.error.LayerfitException;

/** A metadata file of an artifact (RECORD, top_level.txt, package.json) could not be read. */
public class InventoryReadException extends LayerfitException {

    public InventoryReadException(String artifact, String entry, Throwable cause) {
        super(Kind.BAD_INPUT, artifact + ": cannot read " + entry + " (" + dev.layerfit.error.ExceptionWords.describe(cause)
                + "); check that the archive is complete and not corrupted", cause);
    }
}
