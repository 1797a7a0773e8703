package org.lipf.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class XdmfWriterTest {
    @TempDir
    Path run;

    private static int[] ints(String s) {
        return Arrays.stream(s.trim().split("\\s+")).mapToInt(Integer::parseInt).toArray();
    }

    /**
     * @param shape the snapshots' field shape
     * @param cells the cell dims the XDMF gives ParaView, slowest first ({@code z y x})
     */
    private void assertXdmfNamesExistingDatasets(int[] shape, int[] cells) throws Exception {
        SnapshotWriter w = new SnapshotWriter();
        List<SnapshotInfo> infos = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            Snapshot s = SnapshotTestData.snapshot(10L * k, 0.5 * k, shape);
            w.write(run.resolve(SnapshotInfo.SNAPSHOT_DIR), s);
            infos.add(SnapshotInfo.of(s));
        }
        Path xdmf = XdmfWriter.write(run, infos);
        assertEquals(infos, SnapshotReader.infos(run.resolve("snapshots")));

        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = f.newDocumentBuilder().parse(xdmf.toFile());
        NodeList grids = doc.getElementsByTagName("Grid");
        assertEquals(1 + infos.size(), grids.getLength());
        Element collection = (Element) grids.item(0);
        assertEquals("Temporal", collection.getAttribute("CollectionType"));
        int[] nodes = Arrays.stream(cells).map(n -> n + 1).toArray();
        for (int g = 1; g < grids.getLength(); g++) {
            Element grid = (Element) grids.item(g);
            assertEquals(Double.toString(infos.get(g - 1).time_s()), ((Element) grid.getElementsByTagName("Time").item(0)).getAttribute("Value"));
            Element topo = (Element) grid.getElementsByTagName("Topology").item(0);
            assertEquals("3DCoRectMesh", topo.getAttribute("TopologyType"));
            assertArrayEquals(nodes, ints(topo.getAttribute("Dimensions")));
            Element geometry = (Element) grid.getElementsByTagName("Geometry").item(0);
            assertEquals("ORIGIN_DXDYDZ", geometry.getAttribute("GeometryType"));
            NodeList origin = geometry.getElementsByTagName("DataItem");
            assertEquals("0 0 0", origin.item(0).getTextContent());
            assertEquals(3, origin.item(1).getTextContent().split(" ").length, "a spacing per axis");
            NodeList attrs = grid.getElementsByTagName("Attribute");
            assertEquals(Snapshot.FIELD_UNITS.size() - Snapshot.SOLVER_STATE_FIELDS.size() + 1, attrs.getLength(),
                    "every field but the solver's state (the coupled solve's voltage response), and the material ids");
            for (int a = 0; a < attrs.getLength(); a++) {
                Element attr = (Element) attrs.item(a);
                assertTrue(!Snapshot.SOLVER_STATE_FIELDS.contains(attr.getAttribute("Name")), attr.getAttribute("Name"));
                assertEquals("Cell", attr.getAttribute("Center"));
                Element item = (Element) attr.getElementsByTagName("DataItem").item(0);
                String[] ref = item.getTextContent().trim().split(":", 2);
                Path h5 = run.resolve(ref[0]);
                assertTrue(Files.isRegularFile(h5), ref[0]);
                try (HdfFile file = new HdfFile(h5)) {
                    Dataset ds = file.getDatasetByPath(ref[1]);
                    assertArrayEquals(cells, ints(item.getAttribute("Dimensions")));
                    assertArrayEquals(shape, ds.getDimensions());
                    assertEquals("/" + attr.getAttribute("Name"), ref[1]);
                }
            }
        }
        assertEquals(xdmf, XdmfWriter.writeFromFiles(run, SnapshotReader.list(run.resolve("snapshots"))));
    }

    /** ParaView shows a 2D grid edge-on (Y-Z plane, no thickness); a slab one cell thick in z lies in its X-Y plane. */
    @Test
    void twoDimensionalXdmfIsASlabOneCellThick() throws Exception {
        assertXdmfNamesExistingDatasets(new int[] {6, 4}, new int[] {1, 6, 4});
    }

    @Test
    void threeDimensionalXdmfNamesExistingDatasetsWithCellDims() throws Exception {
        assertXdmfNamesExistingDatasets(new int[] {5, 3, 4}, new int[] {5, 3, 4});
    }
}
