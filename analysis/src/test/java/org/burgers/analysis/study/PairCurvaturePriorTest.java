package org.burgers.analysis.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.burgers.ace.basis.AceBasis;
import org.burgers.core.InputException;
import org.burgers.fitting.loss.PriorRows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The study document's pair curvature prior reaches the fits (docs/ace-accuracy.md, "The paper preset"). */
class PairCurvaturePriorTest {
    @TempDir
    Path dir;

    @Test
    void thePaperPresetCarriesThePriorAndTheFactoryBuildsItsRows() {
        StudyDocument p = StudyDocument.preset("w-screw-paper");
        assertTrue(p.basis().pairCurvature() != null && p.basis().pairCurvature() > 0, "w-screw-paper sets pairCurvature");
        // and the Si paper preset (results/paper/si-edge/n100-prior/: geometry errors halved, energy rates as Table 1)
        StudyDocument si = StudyDocument.preset("si-edge-paper");
        assertEquals(1.0, si.basis().pairCurvature(), "si-edge-paper sets pairCurvature");
        StudyDocument.Basis b = new StudyDocument.Basis(2, 4, List.of(), 5.5, 0, 20, null, 0.5, null, null);
        AceBasisFactory f = new AceBasisFactory(List.of("W"), b);
        AceBasis basis = (AceBasis) f.basis(4);
        List<PriorRows> priors = f.priors(basis);
        assertEquals(1, priors.size());
        PriorRows pr = priors.get(0);
        assertEquals(0.5, pr.weight());
        assertEquals(basis.size(), pr.cols());
        // from r0 / 2 to the pair cutoff on the 0.005 A grid
        double rlo = basis.spec().r0() / 2;
        assertEquals((int) Math.ceil((basis.spec().pairRcut() - rlo) / AceBasisFactory.GRID - 1e-9), pr.rows());
        // absent or zero: no rows, so documents without the key fit exactly as before
        assertEquals(List.of(), new AceBasisFactory(List.of("W"), new StudyDocument.Basis(2, 4, List.of(), 5.5, 0, 20))
                .priors(basis));
        assertEquals(List.of(), new AceBasisFactory(List.of("W"), new StudyDocument.Basis(2, 4, List.of(), 5.5, 0, 20,
                null, 0.0, null, null)).priors(basis));
        // explicit lower end
        PriorRows window = new AceBasisFactory(List.of("W"), new StudyDocument.Basis(2, 4, List.of(), 5.5, 0, 20, null,
                0.5, 2.0, 2.4)).priors(basis).get(0);
        assertEquals((int) Math.ceil((2.4 - 2.0) / AceBasisFactory.GRID - 1e-9), window.rows());
    }

    @Test
    void documentKeysRoundTripAndBadValuesAreNamed() throws Exception {
        StudyDocument p = StudyDocument.preset("w-screw-paper");
        Path f = dir.resolve("doc.json");
        p.write(f);
        assertEquals(p, StudyDocument.read(f));
        String text = Files.readString(f).replace("\"pairCurvature\" : " + p.basis().pairCurvature(), "\"pairCurvature\" : -1");
        Files.writeString(f, text);
        InputException e = assertThrows(InputException.class, () -> StudyDocument.read(f));
        assertTrue(e.getMessage().contains("pairCurvature"), e.getMessage());
    }
}
