"""Small widgets shared by the station's tabs."""
