document.getElementById("root")!.textContent = "Cairn";
