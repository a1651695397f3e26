package org.burgers.analysis.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.burgers.core.InputException;
import org.burgers.core.io.Frame;
import org.burgers.simulation.lattice.Orientation;
import org.burgers.simulation.lattice.Supercell;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code burgers crystal}: an oriented, exactly commensurate periodic supercell as extended XYZ. */
@Command(name = "crystal", mixinStandardHelpOptions = true,
        description = "Write a periodic supercell of bcc/fcc/diamond/b2 oriented along three orthogonal Miller "
                + "directions (with the perfect-lattice sites as the per-atom array 'lattice'); prints JSON.")
final class CrystalCommand implements Callable<Integer> {

    @Mixin
    LatticeOptions crystal;

    @Option(names = "--a0", required = true, description = "lattice constant (A)")
    double a0;

    @Option(names = "--orient", defaultValue = "1,0,0/0,1,0/0,0,1",
            description = "Miller directions of x/y/z, e.g. 1,1,-2/-1,1,0/1,1,1 (default ${DEFAULT-VALUE})")
    String orient;

    @Option(names = "--repeat", defaultValue = "1,1,1", description = "periods along x,y,z (default ${DEFAULT-VALUE})")
    String repeat;

    @Mixin
    XyzOutput out;

    @Override
    public Integer call() {
        String[] r = repeat.split(",");
        if (r.length != 3) {
            throw new InputException("--repeat needs three integers nx,ny,nz, got '" + repeat + "'");
        }
        int[] n = new int[3];
        for (int k = 0; k < 3; k++) {
            try {
                n[k] = Integer.parseInt(r[k].trim());
            } catch (NumberFormatException e) {
                throw new InputException("--repeat: '" + r[k] + "' is not an integer");
            }
        }
        Supercell sc = Supercell.build(crystal.crystal(a0), Orientation.parse(orient), n[0], n[1], n[2]);
        out.write(Frame.of(sc.structure()));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("natoms", sc.size());
        json.put("periods", sc.periods());
        json.put("cell", new double[] {sc.structure().cell().get(0, 0), sc.structure().cell().get(1, 1),
            sc.structure().cell().get(2, 2)});
        json.put("out", out.toString());
        System.out.println(Json.write(json));
        return 0;
    }
}
